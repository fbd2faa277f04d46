"""Trains the cross-fitting readers the shipped evidence model is fitted with.

    /usr/bin/python3 crossfit.py [--out /tmp/footnote-reader/crossfit]

The evidence model weighs the reader's sentence similarities; fitted on questions the reader trained on, it
would learn from similarities that memory inflated. So train.jsonl without its validation slice is cut into two
folds of whole essays (common.split_folds), and for each fold a reader is trained, with the shipped recipe, on
everything the shipped reader trains on except that fold: reader-without-K.onnx has never seen fold K. Then:

  - OUT/fold-K.jsonl: the questions of fold K;
  - OUT/reader-without-K.onnx (fp32, checked through ONNX Runtime for Java).

`calibrate` reads each fold with the reader that never saw it (`--read-with`), and the validation slice, the
older sets and the off-topic questions with the shipped reader; the command is printed at the end. What the
models fitted this way reach is in src/test/resources/eval/calibration/README.md.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import common
import rebuild

HERE = os.path.dirname(os.path.abspath(__file__))
CALIBRATION = os.path.normpath(os.path.join(HERE, "..", "..", "test", "resources", "eval", "calibration"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(common.MODEL_DIR, "crossfit"))
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    log = os.path.join(out, "crossfit.log")
    open(log, "w").close()
    times = {}
    began = time.time()
    common.unpack_artifact(verify=True)

    rest, _ = common.split_train(common.rows_of("train"))
    for fold, rows in common.split_folds(rest).items():
        path = os.path.join(out, f"fold-{fold}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"fold {fold}: {len(rows)} questions -> {path}", flush=True)

    for fold in range(1, common.FOLDS + 1):
        pt = os.path.join(out, f"reader-without-{fold}.pt")
        onnx = os.path.join(out, f"reader-without-{fold}.onnx")
        rebuild.run(f"training without fold {fold}", ["train.py", "--validation", *rebuild.recipe_args(),
                                                      "--without-fold", str(fold), "--out", pt], log, times)
        rebuild.run(f"export without fold {fold}", ["export.py", pt, onnx, "--check"], log, times)

    with open(os.path.join(out, "times.json"), "w", encoding="utf-8") as f:
        json.dump(dict(times, total=round(time.time() - began)), f, indent=1)
    print(f"done in {time.time() - began:.0f} s; fit the evidence model with:\n"
          f"  scripts/footnote calibrate {CALIBRATION}/{{reader-validation,older-sets}}.jsonl {out}/fold-1.jsonl "
          f"{out}/fold-2.jsonl src/test/resources/eval/off-topic-a.jsonl \\\n"
          f"    --read-with fold-1.jsonl={out}/reader-without-1.onnx "
          f"--read-with fold-2.jsonl={out}/reader-without-2.onnx --out MODEL.json")


if __name__ == "__main__":
    sys.exit(main())
