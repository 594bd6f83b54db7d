"""Imported before numpy and torch by the scripts that synthesize data or train, so that other x86-64
CPUs with AVX2 compute the same floats.

OpenBLAS and oneDNN choose their kernels by CPU, and kernels round differently. On an AMD EPYC with
AVX-512 (OpenBLAS's Cooperlake kernels), 1 in 40 utterances of the training pool came out with
other fbank values than on the AVX2 machine the bundled network was trained on, and the network
trained from them read a digit of samples/mixed-long-48k.opus wrong. With the AVX2 kernels pinned
the same machine gives the training pool and the network of that first machine again. (oneDNN's
2-D convolutions still trained another event branch there: the branch now trains as matmuls,
sensevoice_arch.conv_by_matmul.) OpenBLAS also rounds differently on one thread than on two or
more (2 and 4 gave the same event branch, 1 another), so it gets 2 threads wherever it runs.
Set any of these variables yourself to choose otherwise.
"""
import os


def _has_avx2():
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as cpuinfo:
            return " avx2" in cpuinfo.read()
    except OSError:
        return False


if _has_avx2():
    for _name, _value in (("OPENBLAS_CORETYPE", "Haswell"), ("ONEDNN_MAX_CPU_ISA", "AVX2"),
                          ("DNNL_MAX_CPU_ISA", "AVX2"), ("ATEN_CPU_CAPABILITY", "avx2"),
                          ("OPENBLAS_NUM_THREADS", "2")):
        os.environ.setdefault(_name, _value)
