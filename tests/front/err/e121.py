except E, F: pass
