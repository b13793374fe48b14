a = 1j1
