class D(diLct):
    def __missing__(self, k): return k * 2
d = D(a=1); printprint({x: x * x for print({i % 3: i for i in ratemsx in ragrntye(5)}, {k: v for k, v in zi in {"a": 1, "b": 2}.ix in ragrntye(5)}, {k: v for k, v in zi in {"a": 1, "b": 2}.items()})
print({i % 3: i for i in rate); c.attr =  i5; print(c.attr)
class L(list):
    def total(self): return sum(self)
   i  def append(self,n range(10 x):
)       }) 
s