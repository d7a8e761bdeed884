import sys, onnx
from onnxruntime.transformers import optimizer
from onnxruntime.transformers.fusion_options import FusionOptions
src, dst = sys.argv[1], sys.argv[2]
opts = FusionOptions("bert")
for flag in sys.argv[3:]:
    k, v = flag.split("=")
    setattr(opts, k, v == "1")
m = optimizer.optimize_model(src, model_type="bert", num_heads=12, hidden_size=384, optimization_options=opts, opt_level=0, use_gpu=False)
print({k: v for k, v in m.get_fused_operator_statistics().items() if v})
m.save_model_to_file(dst)
