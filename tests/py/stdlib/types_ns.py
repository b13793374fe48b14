import types
from types import SimpleNamespace
ns = SimpleNamespace(a=1, b='x')
ns.c = [1, 2]
print(ns, ns.a, ns == SimpleNamespace(a=1, b='x', c=[1, 2]), ns != SimpleNamespace())
del ns.a
print(ns, SimpleNamespace(), SimpleNamespace(z=2))
try:
    SimpleNamespace({'k': 1})
except TypeError as e:
    print(e)
class Sub(SimpleNamespace): pass
print(Sub(q=1))
r = SimpleNamespace(); r.me = r; print(r)
def f(): pass
def g(): yield 1
class C:
    def m(self): pass
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(g(), types.GeneratorType))
print(isinstance(C().m, types.MethodType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
print(types.NoneType, types.FunctionType, types.ModuleType, types.GeneratorType, types.MappingProxyType)
m = types.ModuleType('mymod')
m.x = 3
print(m.__name__, m.x)
Dyn = types.new_class('Dyn', (C,), {}, lambda ns: ns.update({'v': 7}))
print(Dyn.__name__, Dyn.v, Dyn.__bases__, isinstance(Dyn(), C))
