import math
from fractions import Fraction as F
try:
    print('F(1,2)/F(0)', '->', repr(F(1,2)/F(0)))
except Exception as x:
    print('F(1,2)/F(0)', '!!', type(x).__name__, x)
try:
    print('F(1,0)', '->', repr(F(1,0)))
except Exception as x:
    print('F(1,0)', '!!', type(x).__name__, x)
try:
    print('F(0)**-1', '->', repr(F(0)**-1))
except Exception as x:
    print('F(0)**-1', '!!', type(x).__name__, x)
try:
    print('F(1,2)//0', '->', repr(F(1,2)//0))
except Exception as x:
    print('F(1,2)//0', '!!', type(x).__name__, x)
try:
    print('F("abc")', '->', repr(F("abc")))
except Exception as x:
    print('F("abc")', '!!', type(x).__name__, x)
try:
    print('F(1.5,2)', '->', repr(F(1.5,2)))
except Exception as x:
    print('F(1.5,2)', '!!', type(x).__name__, x)
try:
    print('F([])', '->', repr(F([])))
except Exception as x:
    print('F([])', '!!', type(x).__name__, x)
try:
    print('F(float("inf"))', '->', repr(F(float("inf"))))
except Exception as x:
    print('F(float("inf"))', '!!', type(x).__name__, x)
try:
    print('F(float("nan"))', '->', repr(F(float("nan"))))
except Exception as x:
    print('F(float("nan"))', '!!', type(x).__name__, x)
try:
    print('F(3,2)%0', '->', repr(F(3,2)%0))
except Exception as x:
    print('F(3,2)%0', '!!', type(x).__name__, x)
try:
    print('divmod(F(1),0)', '->', repr(divmod(F(1),0)))
except Exception as x:
    print('divmod(F(1),0)', '!!', type(x).__name__, x)
try:
    print('F("1/0")', '->', repr(F("1/0")))
except Exception as x:
    print('F("1/0")', '!!', type(x).__name__, x)
try:
    print('F(2)**F(1,2)', '->', repr(F(2)**F(1,2)))
except Exception as x:
    print('F(2)**F(1,2)', '!!', type(x).__name__, x)
try:
    print('F(-8)**F(1,3)', '->', repr(F(-8)**F(1,3)))
except Exception as x:
    print('F(-8)**F(1,3)', '!!', type(x).__name__, x)
try:
    print('2**F(1,2)', '->', repr(2**F(1,2)))
except Exception as x:
    print('2**F(1,2)', '!!', type(x).__name__, x)
try:
    print('F(4)**F(2)', '->', repr(F(4)**F(2)))
except Exception as x:
    print('F(4)**F(2)', '!!', type(x).__name__, x)
try:
    print('round(F(5,2))', '->', repr(round(F(5,2))))
except Exception as x:
    print('round(F(5,2))', '!!', type(x).__name__, x)
try:
    print('round(F(7,2))', '->', repr(round(F(7,2))))
except Exception as x:
    print('round(F(7,2))', '!!', type(x).__name__, x)
try:
    print('round(F(1234,100),1)', '->', repr(round(F(1234,100),1)))
except Exception as x:
    print('round(F(1234,100),1)', '!!', type(x).__name__, x)
try:
    print('round(F(1234,100),-1)', '->', repr(round(F(1234,100),-1)))
except Exception as x:
    print('round(F(1234,100),-1)', '!!', type(x).__name__, x)
try:
    print('F(" -3_0.5e-1 ")', '->', repr(F(" -3_0.5e-1 ")))
except Exception as x:
    print('F(" -3_0.5e-1 ")', '!!', type(x).__name__, x)
try:
    print('F("1e")', '->', repr(F("1e")))
except Exception as x:
    print('F("1e")', '!!', type(x).__name__, x)
try:
    print('F("1.")', '->', repr(F("1.")))
except Exception as x:
    print('F("1.")', '!!', type(x).__name__, x)
try:
    print('F(".5")', '->', repr(F(".5")))
except Exception as x:
    print('F(".5")', '!!', type(x).__name__, x)
try:
    print('F(1,2)+1.0', '->', repr(F(1,2)+1.0))
except Exception as x:
    print('F(1,2)+1.0', '!!', type(x).__name__, x)
try:
    print('F(1,2)+1j', '->', repr(F(1,2)+1j))
except Exception as x:
    print('F(1,2)+1j', '!!', type(x).__name__, x)
try:
    print('F(1,2)==0.5', '->', repr(F(1,2)==0.5))
except Exception as x:
    print('F(1,2)==0.5', '!!', type(x).__name__, x)
try:
    print('F(1,2)<0.6', '->', repr(F(1,2)<0.6))
except Exception as x:
    print('F(1,2)<0.6', '!!', type(x).__name__, x)
try:
    print('F(1,3).limit_denominator(2)', '->', repr(F(1,3).limit_denominator(2)))
except Exception as x:
    print('F(1,3).limit_denominator(2)', '!!', type(x).__name__, x)
try:
    print('F(3.141592653589793).limit_denominator(1000)', '->', repr(F(3.141592653589793).limit_denominator(1000)))
except Exception as x:
    print('F(3.141592653589793).limit_denominator(1000)', '!!', type(x).__name__, x)
try:
    print('F(1,2).__format__("")', '->', repr(F(1,2).__format__("")))
except Exception as x:
    print('F(1,2).__format__("")', '!!', type(x).__name__, x)
try:
    print('format(F(1,2), "10")', '->', repr(format(F(1,2), "10")))
except Exception as x:
    print('format(F(1,2), "10")', '!!', type(x).__name__, x)
try:
    print('hash(F(1,3))', '->', repr(hash(F(1,3))))
except Exception as x:
    print('hash(F(1,3))', '!!', type(x).__name__, x)
try:
    print('hash(F(5))', '->', repr(hash(F(5))))
except Exception as x:
    print('hash(F(5))', '!!', type(x).__name__, x)
try:
    print('F(5)==5', '->', repr(F(5)==5))
except Exception as x:
    print('F(5)==5', '!!', type(x).__name__, x)
try:
    print('F(1,2)**-2', '->', repr(F(1,2)**-2))
except Exception as x:
    print('F(1,2)**-2', '!!', type(x).__name__, x)
try:
    print('F(-1,2)**-1', '->', repr(F(-1,2)**-1))
except Exception as x:
    print('F(-1,2)**-1', '!!', type(x).__name__, x)
try:
    print('int(F(-7,2))', '->', repr(int(F(-7,2))))
except Exception as x:
    print('int(F(-7,2))', '!!', type(x).__name__, x)
try:
    print('F(7,2)//F(1,3)', '->', repr(F(7,2)//F(1,3)))
except Exception as x:
    print('F(7,2)//F(1,3)', '!!', type(x).__name__, x)
try:
    print('F(7,2)%F(1,3)', '->', repr(F(7,2)%F(1,3)))
except Exception as x:
    print('F(7,2)%F(1,3)', '!!', type(x).__name__, x)
try:
    print('F(-7,2)%3', '->', repr(F(-7,2)%3))
except Exception as x:
    print('F(-7,2)%3', '!!', type(x).__name__, x)
try:
    print('divmod(F(7,2),2)', '->', repr(divmod(F(7,2),2)))
except Exception as x:
    print('divmod(F(7,2),2)', '!!', type(x).__name__, x)
try:
    print('5%F(3,2)', '->', repr(5%F(3,2)))
except Exception as x:
    print('5%F(3,2)', '!!', type(x).__name__, x)
try:
    print('F(1,2)*True', '->', repr(F(1,2)*True))
except Exception as x:
    print('F(1,2)*True', '!!', type(x).__name__, x)
try:
    print('-F(1,2)', '->', repr(-F(1,2)))
except Exception as x:
    print('-F(1,2)', '!!', type(x).__name__, x)
try:
    print('abs(F(-1,2))', '->', repr(abs(F(-1,2))))
except Exception as x:
    print('abs(F(-1,2))', '!!', type(x).__name__, x)
try:
    print('F(1,2) < 1', '->', repr(F(1,2) < 1))
except Exception as x:
    print('F(1,2) < 1', '!!', type(x).__name__, x)
try:
    print('F(1,2) > "a"', '->', repr(F(1,2) > "a"))
except Exception as x:
    print('F(1,2) > "a"', '!!', type(x).__name__, x)
try:
    print('F(F(1,2),F(1,3))', '->', repr(F(F(1,2),F(1,3))))
except Exception as x:
    print('F(F(1,2),F(1,3))', '!!', type(x).__name__, x)
try:
    print('F("3/4")', '->', repr(F("3/4")))
except Exception as x:
    print('F("3/4")', '!!', type(x).__name__, x)
try:
    print('F("3 /4")', '->', repr(F("3 /4")))
except Exception as x:
    print('F("3 /4")', '!!', type(x).__name__, x)
try:
    print('F(2,4).as_integer_ratio()', '->', repr(F(2,4).as_integer_ratio()))
except Exception as x:
    print('F(2,4).as_integer_ratio()', '!!', type(x).__name__, x)
try:
    print('F(1,2).real', '->', repr(F(1,2).real))
except Exception as x:
    print('F(1,2).real', '!!', type(x).__name__, x)
try:
    print('F.from_float(0.1)', '->', repr(F.from_float(0.1)))
except Exception as x:
    print('F.from_float(0.1)', '!!', type(x).__name__, x)
try:
    print('F.from_float(1)', '->', repr(F.from_float(1)))
except Exception as x:
    print('F.from_float(1)', '!!', type(x).__name__, x)
try:
    print('float(F(1,3))', '->', repr(float(F(1,3))))
except Exception as x:
    print('float(F(1,3))', '!!', type(x).__name__, x)
try:
    print('F(10**400, 3)*1.0', '->', repr(F(10**400, 3)*1.0))
except Exception as x:
    print('F(10**400, 3)*1.0', '!!', type(x).__name__, x)
try:
    print('bool(F(0))', '->', repr(bool(F(0))))
except Exception as x:
    print('bool(F(0))', '!!', type(x).__name__, x)
try:
    print('F(1,2)**0.5', '->', repr(F(1,2)**0.5))
except Exception as x:
    print('F(1,2)**0.5', '!!', type(x).__name__, x)
try:
    print('F(1,2)**(1+0j)', '->', repr(F(1,2)**(1+0j)))
except Exception as x:
    print('F(1,2)**(1+0j)', '!!', type(x).__name__, x)
try:
    print('F(3)**F(-2)', '->', repr(F(3)**F(-2)))
except Exception as x:
    print('F(3)**F(-2)', '!!', type(x).__name__, x)
try:
    print('F("-")', '->', repr(F("-")))
except Exception as x:
    print('F("-")', '!!', type(x).__name__, x)
try:
    print('F(1.5)', '->', repr(F(1.5)))
except Exception as x:
    print('F(1.5)', '!!', type(x).__name__, x)
try:
    print('F(-0.0)', '->', repr(F(-0.0)))
except Exception as x:
    print('F(-0.0)', '!!', type(x).__name__, x)
try:
    print('round(F(-5,2))', '->', repr(round(F(-5,2))))
except Exception as x:
    print('round(F(-5,2))', '!!', type(x).__name__, x)
try:
    print('round(F(25,100),1)', '->', repr(round(F(25,100),1)))
except Exception as x:
    print('round(F(25,100),1)', '!!', type(x).__name__, x)
try:
    print('math.floor(F(-7,2))', '->', repr(math.floor(F(-7,2))))
except Exception as x:
    print('math.floor(F(-7,2))', '!!', type(x).__name__, x)
try:
    print('math.ceil(F(-7,2))', '->', repr(math.ceil(F(-7,2))))
except Exception as x:
    print('math.ceil(F(-7,2))', '!!', type(x).__name__, x)
try:
    print('math.trunc(F(-7,2))', '->', repr(math.trunc(F(-7,2))))
except Exception as x:
    print('math.trunc(F(-7,2))', '!!', type(x).__name__, x)
try:
    print('F(1,2)!=F(2,4)', '->', repr(F(1,2)!=F(2,4)))
except Exception as x:
    print('F(1,2)!=F(2,4)', '!!', type(x).__name__, x)
try:
    print('F(1,2)%1.0', '->', repr(F(1,2)%1.0))
except Exception as x:
    print('F(1,2)%1.0', '!!', type(x).__name__, x)
try:
    print('F(1,2)//0.3', '->', repr(F(1,2)//0.3))
except Exception as x:
    print('F(1,2)//0.3', '!!', type(x).__name__, x)
try:
    print('divmod(1.5,F(1,2))', '->', repr(divmod(1.5,F(1,2))))
except Exception as x:
    print('divmod(1.5,F(1,2))', '!!', type(x).__name__, x)
try:
    print('F(1,2)**2.0', '->', repr(F(1,2)**2.0))
except Exception as x:
    print('F(1,2)**2.0', '!!', type(x).__name__, x)
