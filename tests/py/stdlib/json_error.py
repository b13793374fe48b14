import json
json.loads("[1,")
