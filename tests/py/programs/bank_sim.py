# A small bank simulation: accounts with inheritance, properties, custom exceptions,
# __repr__/__eq__/__hash__, sorting by key, and a dict of objects keyed by account id.


class BankError(Exception):
    """Base class of every bank error."""


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number}: cannot withdraw {amount}, balance {account.balance}")
        self.account = account
        self.amount = amount


class AccountFrozen(BankError):
    pass


class UnknownAccount(BankError, KeyError):
    def __str__(self):
        return f"no such account: {self.args[0]!r}"


class Account:
    kind = "basic"
    _next_number = 1000

    def __init__(self, owner, balance=0):
        Account._next_number += 1
        self.number = Account._next_number
        self.owner = owner
        self._balance = 0
        self.frozen = False
        self.history = []
        if balance:
            self.deposit(balance)

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount):
        self._check()
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self.balance

    def available(self):
        return self.balance

    def month_end(self):
        pass

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self.balance})"

    def __str__(self):
        return f"#{self.number} {self.owner:<8} {self.kind:>8} {self.balance:>10.2f}"

    def __eq__(self, other):
        if not isinstance(other, Account):
            return NotImplemented
        return self.number == other.number

    def __hash__(self):
        return hash(self.number)

    def __lt__(self, other):
        return self.balance < other.balance


class Savings(Account):
    kind = "savings"

    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate

    def month_end(self):
        interest = round(self.balance * self.rate / 12, 2)
        if interest and not self.frozen:
            self.deposit(interest)
        return interest


class Checking(Account):
    kind = "checking"

    def __init__(self, owner, balance=0, overdraft=100):
        self.overdraft = overdraft
        super().__init__(owner, balance)

    def available(self):
        return self._balance + self.overdraft

    @Account.balance.setter
    def balance(self, value):
        if value < -self.overdraft:
            raise ValueError("overdraft exceeded")
        self._balance = value

    def month_end(self):
        if self._balance < 0:
            fee = 5
            self._balance -= fee
            self.history.append(("fee", fee))
            return -fee
        return 0


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}

    def open(self, cls, *args, **kwargs):
        acct = cls(*args, **kwargs)
        self.accounts[acct.number] = acct
        return acct

    def __getitem__(self, number):
        try:
            return self.accounts[number]
        except KeyError:
            raise UnknownAccount(number) from None

    def __len__(self):
        return len(self.accounts)

    def __iter__(self):
        return iter(self.accounts.values())

    def __contains__(self, number):
        return number in self.accounts

    def transfer(self, src, dst, amount):
        a, b = self[src], self[dst]
        a.withdraw(amount)
        try:
            b.deposit(amount)
        except BankError:
            a._balance += amount  # roll back
            a.history.pop()
            raise
        return amount

    def total(self):
        return sum(a.balance for a in self)


bank = Bank("Trident Savings & Loan")
alice = bank.open(Savings, "alice", 1200, rate=0.05)
bob = bank.open(Checking, "bob", 300)
carol = bank.open(Account, "carol", 50)
dave = bank.open(Checking, "dave", overdraft=250)
erin = bank.open(Savings, "erin", 980.5)

print(bank.name, "has", len(bank), "accounts")
for acct in bank:
    print(acct)
print(repr(alice), repr(bob), repr(carol))
print(sorted(bank.accounts))

ops = [
    ("transfer", 1001, 1002, 200),
    ("transfer", 1003, 1004, 75),
    ("transfer", 1004, 1003, 300),
    ("transfer", 1002, 1099, 10),
    ("withdraw", 1002, 550),
    ("withdraw", 1002, 100),
    ("deposit", 1003, -5),
    ("freeze", 1005),
    ("deposit", 1005, 10),
    ("transfer", 1001, 1005, 10),
    ("withdraw", 1004, 250),
]
for op in ops:
    kind, *rest = op
    try:
        if kind == "transfer":
            result = bank.transfer(*rest)
        elif kind == "withdraw":
            result = bank[rest[0]].withdraw(rest[1])
        elif kind == "deposit":
            result = bank[rest[0]].deposit(rest[1])
        elif kind == "freeze":
            bank[rest[0]].frozen = True
            result = "frozen"
        print(f"{kind:>8} {rest!s:<20} ok -> {result}")
    except InsufficientFunds as e:
        print(f"{kind:>8} {rest!s:<20} insufficient: {e} (short by {e.amount - e.account.available()})")
    except UnknownAccount as e:
        print(f"{kind:>8} {rest!s:<20} unknown: {e}; is KeyError: {isinstance(e, KeyError)}")
    except BankError as e:
        print(f"{kind:>8} {rest!s:<20} {type(e).__name__}: {e}")
    except ValueError as e:
        print(f"{kind:>8} {rest!s:<20} ValueError: {e}")

print("month end:")
for acct in bank:
    print(f"  {acct.owner:6} {acct.month_end()!r}")

print("by balance:")
for acct in sorted(bank, key=lambda a: (a.balance, a.owner), reverse=True):
    print(" ", acct)
print("min/max:", min(bank).owner, max(bank).owner)
print("total: {:,.2f}".format(bank.total()))

print(alice == bank[1001], alice == bob, alice != carol, alice == "alice")
print(len({alice, bank[1001], bob}))
seen = {acct: acct.owner.upper() for acct in bank}
print(seen[bank[1002]])
print(1003 in bank, 1234 in bank)
print(isinstance(bob, Account), issubclass(Savings, Account), Checking.__mro__)
print([type(a).__name__ for a in bank if a.kind != "basic"])

for acct in bank:
    summary = {}
    for kind, amount in acct.history:
        summary[kind] = summary.get(kind, 0) + amount
    print(acct.owner, sorted(summary.items()))

try:
    carol.balance = -1
except ValueError as e:
    print("setter:", e)
dave.balance = -200
print("dave:", dave.balance)
try:
    dave.balance = -300
except ValueError as e:
    print("setter:", e)
try:
    bank[42]
except KeyError as e:
    print("KeyError caught:", e, e.args)
