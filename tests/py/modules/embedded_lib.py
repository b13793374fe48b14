# the library compiled into trident: modules with no file beside the program
import __hello__

print(__hello__.initialized)
__hello__.main()
print(__hello__.__name__)
