"""Ranks evidence sentences with the base model and trained ones, on the validation slice or the holdout files.

For each answerable question the candidates are the sentences of its source file lying wholly within 2,000
characters of its evidence; a sentence overlapping the evidence (or `evidence2`) is a positive. Candidates are
ranked by the cosine of their vector with the question's; the script prints hit@1 (a positive ranked first)
and MRR (of the best-ranked positive) per model and split. Where a split also holds unanswerable questions
(`kind: none`), it prints the answerability AUC: each answerable question's best cosine to a sentence of its
source file against each unanswerable one's best cosine to a sentence of its `near_file`.

    python3 evaluate.py --split validation [--model /tmp/footnote-reader/reader.pt ...]
    python3 evaluate.py [--split holdout] [--model ...] [--json figures.json]

`--split validation` measures the slice of train.jsonl that `train.py --validation` leaves out (see
common.split_train); choices are made there. `--split holdout` (the default) measures holdout-questions.jsonl
(questions held out from essays that training saw), holdout-essays.jsonl (essays no training question
touches) and "holdout-questions no-overlap": the held-out questions whose evidence sentence is no positive of
any question in train.jsonl (paraphrases of one question were split apart, so most share one).

The base model is always the shipped ONNX file; each --model is a state dict saved by train.py or an ONNX file
export.py wrote (an int8 one is read with its dequantized weights, the values ONNX Runtime multiplies by).
"""
import argparse
import json
import os

import common
from minilm import load
from wordpiece import WordPiece

NO_OVERLAP = "holdout-questions no-overlap"


def splits_of(which, essays):
    """{split name: rows}."""
    if which == "validation":
        return {"validation": common.rows_of("validation")}
    out = {"holdout-questions": common.rows_of("holdout-questions"),
           "holdout-essays": common.rows_of("holdout-essays")}
    seen = common.training_positives(essays)
    out[NO_OVERLAP] = [r for r, e, spans in common.answerable(out["holdout-questions"], essays)
                       if not any((r["source_file"], i) in seen for s, t in spans for i in e.overlapping(s, t))]
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", action="append", default=[], help="a trained state dict or ONNX file")
    parser.add_argument("--split", choices=("holdout", "validation"), default="holdout")
    parser.add_argument("--no-base", action="store_true", help="leave out the base model")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    common.setup_torch()
    common.unpack_artifact()
    tokenizer = WordPiece(common.TOKENIZER)
    essays = {}
    splits = splits_of(args.split, essays)
    for split, rows in splits.items():
        tasks = common.ranking_tasks(rows, essays)
        mean = sum(len(c) for _, _, c, _ in tasks) / len(tasks)
        none = sum(1 for r in rows if r.get("kind") == "none")
        print(f"{split}: {len(tasks)} answerable questions, {mean:.0f} candidate sentences each on average"
              + (f"; {none} unanswerable" if none else ""))
    names = ([] if args.no_base else ["base"]) + args.model
    paths = ([] if args.no_base else [common.ONNX]) + args.model
    header = f"{'model':<36}" + "".join(f"{s:>30}" for s in splits)
    print(header)
    print(f"{'':<36}" + "".join(f"{'hit@1':>12}{'MRR':>9}{'AUC':>9}" for _ in splits))
    figures = {}
    for name, path in zip(names, paths):
        model = load(path).eval()
        cache = {}
        cells, figures[name] = [], {}
        for split, rows in splits.items():
            m = common.measure(model, tokenizer, rows, essays, cache, auc=split != NO_OVERLAP)
            figures[name][split] = m
            auc = m.get("auc")
            cells.append(f"{m['hit1']:>12.3f}{m['mrr']:>9.3f}" + (f"{auc:>9.3f}" if auc is not None else f"{'':>9}"))
        print(f"{os.path.basename(name)[-36:]:<36}" + "".join(cells), flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1)


if __name__ == "__main__":
    main()
