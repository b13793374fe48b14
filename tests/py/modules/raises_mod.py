print("raises_mod: start")
value = 1
raise ValueError("boom while importing")
