"""Shared settings for the kb tests: one torch thread (tiny models run faster and steadier)."""

import pytest


@pytest.fixture(autouse=True, scope="session")
def _one_torch_thread():
    import torch

    torch.set_num_threads(1)
    yield
