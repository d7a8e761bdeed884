#!/bin/bash
# behave.sh NAME [CKPT]: finalize NAME's checkpoint into a copy of the wt-enc tree, then run the behaviour tests on it
name=$1; ck=${2:-epoch3.pt}
t=/work/exp/$name/tree; rm -rf $t; mkdir -p $t; cp -r /work/wt-enc/src $t/src
cd /work/wt-enc
PYTHONPATH=$t/src /work/trainvenv/bin/python -c "
from pathlib import Path
from helpers import train_encoder as te
te.finalize(Path('/work/exp/$name/$ck'), run_info={'checkpoint': '$ck'}, log=te._logger(Path('/work/exp/$name/finalize.log')), data=(Path('/work/shared/data/newsmtsc'), Path('/work/shared/data/directed_sentiment')))
" 2>&1 | grep -E "int8|fp32|wrote" | cut -c1-400
PYTHONPATH=$t/src /work/main/.venv/bin/python -c "
from helpers import directed; import json
pairs = directed.read_file('/work/shared/data/directed_sentiment/valid.txt')
r = directed.edge_settings(pairs); print(json.dumps({k: (v['f1_macro'], v['edges']['threshold'], v['edges']['f1'], v['edges']['cross_fitted']['f1']) for k, v in r['models'].items()}))
open('/work/exp/$name/ens_thr', 'w').write('%.2f' % r['models']['ensemble']['edges']['threshold'])
"
thr=$(cat /work/exp/$name/ens_thr)
sed -i "s/\"ensemble\": 0\.[0-9]*}/\"ensemble\": $thr}/" $t/src/helpers/directed.py
grep -n "^EDGE_THRESHOLDS" $t/src/helpers/directed.py
PYTHONPATH=$t/src /work/main/.venv/bin/python -m pytest -q -p no:cacheprovider tests/test_edges.py tests/test_encoder_behaviour.py tests/test_sentiment.py 2>&1 | grep -E "^E  |passed|failed|FAILED|XPASS" | head -30
