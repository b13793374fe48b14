# A ledger of accounts with dicts and closures; errors for overdrafts and unknown accounts.
def make_bank():
    accounts = {}
    log = []
    def open_account(name, deposit=0):
        if name in accounts:
            raise ValueError(f"account {name!r} exists")
        accounts[name] = deposit
        log.append(("open", name, deposit))
    def transfer(src, dst, amount):
        if src not in accounts or dst not in accounts:
            raise KeyError(src if src not in accounts else dst)
        if accounts[src] < amount:
            raise ValueError(f"insufficient funds in {src!r}: {accounts[src]} < {amount}")
        accounts[src] -= amount
        accounts[dst] += amount
        log.append(("transfer", src, dst, amount))
    def report():
        return sorted(accounts.items())
    return open_account, transfer, report, log

open_account, transfer, report, log = make_bank()
open_account("alice", 100)
open_account("bob", 50)
open_account("carol")
for args in [("alice", "bob", 30), ("bob", "carol", 100), ("carol", "dave", 1), ("bob", "carol", 80)]:
    try:
        transfer(*args)
        print("ok", args)
    except ValueError as e:
        print("refused:", e)
    except KeyError as e:
        print("unknown account:", e)
try:
    open_account("bob")
except ValueError as e:
    print("error:", e)
print(report())
print(len(log), log[-1])
