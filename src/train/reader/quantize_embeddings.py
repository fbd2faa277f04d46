"""Stores the word-embedding table of an exported reader in int8, with one scale per row.

The table (30,522 word pieces x 384) is three fifths of the file in float32. The graph gathers the int8 rows
and their scales for the input ids first and widens only those rows, so no call dequantizes the whole table;
the vectors stay within rounding of the float table's (the check prints the worst cosine).

    python3 quantize_embeddings.py IN.onnx OUT.onnx
"""
import argparse

import numpy as np
import onnx
from onnx import helper, numpy_helper

TABLE = "embeddings.word_embeddings.weight"


def quantize(model):
    graph = model.graph
    table = next(t for t in graph.initializer if t.name == TABLE)
    weights = numpy_helper.to_array(table).astype(np.float32)
    scales = np.abs(weights).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    rows = np.clip(np.round(weights / scales[:, None]), -127, 127).astype(np.int8)
    graph.initializer.remove(table)
    graph.initializer.extend([numpy_helper.from_array(rows, TABLE + "_int8"),
                              numpy_helper.from_array(scales.astype(np.float32), TABLE + "_scale"),
                              numpy_helper.from_array(np.array([-1], dtype=np.int64), TABLE + "_last_axis")])
    gather = next(n for n in graph.node if n.op_type == "Gather" and n.input[0] == TABLE)
    ids, out = gather.input[1], gather.output[0]
    at = list(graph.node).index(gather)
    graph.node.remove(gather)
    prefix = "/embeddings/word_embeddings/int8_"
    nodes = [
        helper.make_node("Gather", [TABLE + "_int8", ids], [prefix + "rows"], name=prefix + "gather_rows"),
        helper.make_node("Gather", [TABLE + "_scale", ids], [prefix + "scales"], name=prefix + "gather_scales"),
        helper.make_node("Cast", [prefix + "rows"], [prefix + "float_rows"], to=onnx.TensorProto.FLOAT,
                         name=prefix + "widen"),
        helper.make_node("Unsqueeze", [prefix + "scales", TABLE + "_last_axis"], [prefix + "row_scales"],
                         name=prefix + "unsqueeze"),
        helper.make_node("Mul", [prefix + "float_rows", prefix + "row_scales"], [out], name=prefix + "scale"),
    ]
    for offset, node in enumerate(nodes):
        graph.node.insert(at + offset, node)
    return weights, rows, scales


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("out")
    args = parser.parse_args()
    model = onnx.load(args.source)
    weights, rows, scales = quantize(model)
    onnx.checker.check_model(model)
    onnx.save(model, args.out)
    widened = rows.astype(np.float32) * scales[:, None]
    cosine = (widened * weights).sum(1) / (np.linalg.norm(widened, axis=1) * np.linalg.norm(weights, axis=1) + 1e-12)
    print(f"wrote {args.out}; word-embedding rows within cosine {cosine.min():.6f} of the float table")


if __name__ == "__main__":
    main()
