# %% [markdown]
# How much can the loss at the last step still "hear" each input? ||dL/dx_t|| for
# untrained plain RNN, LSTM and GRU classifiers (kb.models.rnn) on 40-step sequences
# of the recall-the-first-token task (kb.datasets.sequences). The LSTM forget gate and
# the GRU update gate start open (bias 3), as in kb; then one GRU step written out in
# PyTorch's convention (kb.models.rnn.gru_step) against nn.GRU.

# %%
import torch

from kb import seed_everything
from kb.datasets.sequences import make_recall_data
from kb.models.rnn import RecurrentClassifier, gru_step, input_gradient_norms
from kb.plotting import assert_readable, subplots

x, y = make_recall_data(n=256, length=40, seed=0)
norms = {}
for cell in ("rnn", "lstm", "gru"):
    seed_everything(0)
    norms[cell] = input_gradient_norms(RecurrentClassifier(cell), x, y)
    print(
        f"{cell:<5}: ||dL/dx_t|| at t = 0 / 39 = {norms[cell][0].item():.1e} / {norms[cell][-1].item():.1e}"
        f"   ratio {(norms[cell][0] / norms[cell][-1]).item():.1e}"
    )

fig, ax = subplots(height=3.0)
for cell, values in norms.items():
    ax.semilogy(values, label=cell.upper() if cell != "rnn" else "RNN")
ax.set(xlabel="$t$", ylabel=r"$\|\partial L / \partial x_t\|$")
legend = ax.legend()

# %%
seed_everything(0)
gru = RecurrentClassifier("gru").rnn  # update-gate bias set to 3 by kb
x_t, h_prev = torch.randn(4, 16), torch.randn(4, 32)
step = gru_step(gru, x_t, h_prev)
reference = gru(x_t[:, None], h_prev[None])[1][0]
print(
    f"mean update gate z_t = {step['z'].mean().item():.3f} (sigmoid(3) = {torch.sigmoid(torch.tensor(3.0)).item():.3f})"
)
print(f"max |h_t by hand - nn.GRU| = {(step['h'] - reference).abs().max().item():.1e}")
print(
    f"||h_t - h_(t-1)|| / ||h_(t-1)|| = {((step['h'] - h_prev).norm() / h_prev.norm()).item():.2f}"
    f"   ||h_t - n_t|| / ||n_t|| = {((step['h'] - step['n']).norm() / step['n'].norm()).item():.2f}"
)

# %% tags=["hide-input"]
assert (norms["rnn"][0] / norms["rnn"][-1]) < 1e-6 < 0.05 < (norms["lstm"][0] / norms["lstm"][-1])
assert (norms["gru"][0] / norms["gru"][-1]) > 0.05
assert torch.allclose(step["h"], reference, atol=1e-6) and step["z"].mean() > 0.9
assert_readable(fig)
