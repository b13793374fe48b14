nonlocal x, 
