x = 5
await x
