import json
from helpers import directed
got = directed.edge_settings(directed.read_file("/work/shared/data/directed_sentiment/valid.txt"))
print(json.dumps(got["models"]["ensemble"]), got["linear_temperature"])
