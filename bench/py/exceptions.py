# Exceptions as control flow: a validating parser raising custom exceptions (with arguments and
# inheritance), try/except/else/finally in loops, re-raise, KeyError/IndexError/ValueError from
# builtins, and exception chaining.
# Stresses: raise and catch costs, exception matching against classes, finally blocks.
# Usage: exceptions.py [records]
import sys


class ParseError(Exception):
    def __init__(self, pos, msg):
        super().__init__(msg)
        self.pos = pos


class EmptyField(ParseError):
    pass


class BadNumber(ParseError):
    pass


def parse_field(text, pos):
    if not text:
        raise EmptyField(pos, "empty")
    try:
        return int(text)
    except ValueError as e:
        raise BadNumber(pos, "bad number: " + text) from e


def parse(record):
    out = []
    for pos, field in enumerate(record.split(",")):
        out.append(parse_field(field, pos))
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150000
    words = ["12", "7", "", "x9", "300", "-4", "abc", "5"]
    table = {"a": 1, "b": 2}
    ok = empty = bad = missing = cleanup = chained = 0
    total = 0
    for i in range(n):
        record = ",".join(words[(i + k) % 8] for k in range(i % 3 + 1))
        try:
            values = parse(record)
        except EmptyField as e:
            empty += 1 + e.pos
        except ParseError as e:
            bad += 1
            if isinstance(e.__cause__, ValueError):
                chained += 1
        else:
            ok += 1
            total += sum(values)
        finally:
            cleanup += 1
        try:
            total += table["abc"[i % 3]]
        except KeyError:
            missing += 1
        try:
            total += words[i % 11] != ""
        except IndexError:
            missing += 1
    print("ok:", ok, "empty:", empty, "bad:", bad, "chained:", chained)
    print("missing:", missing, "cleanup:", cleanup, "total:", total)


main()
