"""Extraction at scale: a local process pool or a dask.distributed cluster."""

from marsad.distributed.engines import EngineError, make_engine
from marsad.distributed.work import extractor_signature, run_batch

__all__ = ["EngineError", "extractor_signature", "make_engine", "run_batch"]
