# ir: --func step --after inline --speculate
# What `trident build` guesses: step is called with a float dt below, so dt is guarded to be a
# float on entry (the guard resumes the interpreter at the first instruction), and a function
# working with floats takes the unknown list items for floats (guarded where they are read).
def step(pos, vel, dt):
    for i in range(len(pos)):
        pos[i] = pos[i] + vel[i] * dt


step([0.0], [1.0], 0.1)
