#!/usr/bin/env bash
# One corpus over a Slurm job array, one GPU per task, no coordinator: task k keeps the inputs whose
# path hashes to k (--shard auto/N reads SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN), and
# --skip-existing makes a requeued or re-submitted task redo only what has no complete outputs yet.
#
#   sbatch --export=ALL,AUDIO=/shared/corpus/audio,OUT=/shared/corpus/transcripts docs/scaling/slurm-array.sh
#
# Extra arguments go to `sensevoice transcribe` (e.g. --dry-run to see a task's share).
#SBATCH --job-name=sensevoice
#SBATCH --array=0-7
#SBATCH --gres=gpu:1
#SBATCH --cpus-per-task=8
#SBATCH --mem=8G
#SBATCH --time=04:00:00
#SBATCH --signal=B:TERM@120
#SBATCH --requeue
#SBATCH --output=sensevoice-%A_%a.log
set -euo pipefail

: "${AUDIO:?set AUDIO to the folder of recordings}"
: "${OUT:?set OUT to the folder for transcripts}"
SENSEVOICE="${SENSEVOICE:-sensevoice}"   # the launcher; may be a command with arguments

: "${SLURM_ARRAY_TASK_ID:?not a Slurm array task (submit with sbatch --array)}"
if [[ "${SLURM_ARRAY_TASK_STEP:-1}" != 1 ]]; then
  echo "slurm-array.sh: use a contiguous --array (no :step); shards are numbered ID - MIN" >&2
  exit 2
fi
shards="${SLURM_ARRAY_TASK_COUNT:?Slurm did not set SLURM_ARRAY_TASK_COUNT}"

mkdir -p "$OUT/stats"
# exec: the TERM that Slurm sends 120 s before the time limit (--signal=B:TERM@120) reaches
# sensevoice itself, which finishes the inputs in flight and exits 143. Submitting the script again
# (or `scontrol requeue` of the task; --requeue covers node failure and preemption) resumes where it
# stopped: --skip-existing passes over every input with complete outputs.
# shellcheck disable=SC2086  # SENSEVOICE may hold a command and its arguments
exec $SENSEVOICE transcribe --shard "auto/$shards" --skip-existing --recursive --format txt,json,srt \
  --output-dir "$OUT" --stats "$OUT/stats/shard-$SLURM_ARRAY_TASK_ID.csv" --progress plain "$@" "$AUDIO"
