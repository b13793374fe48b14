print("shapes.geo.point: init, __name__ =", __name__)
from .. import VERSION
from ..util import PI
from . import C


def describe():
    return f"point module v{VERSION} pi={PI} {C.__name__}"
