# %% [markdown]
# How much can the loss at the last step still "hear" each input? ||dL/dx_t|| for
# untrained plain RNN, LSTM and GRU classifiers (kb.models.rnn) on 40-step sequences
# of the recall-the-first-token task (kb.datasets.sequences). The LSTM forget gate and
# the GRU update gate start open (bias 3), as in kb.

# %%

from kb import seed_everything
from kb.datasets.sequences import make_recall_data
from kb.models.rnn import RecurrentClassifier, input_gradient_norms

x, y = make_recall_data(n=256, length=40, seed=0)
steps = [0, 10, 20, 30, 39]
print("time step t          :", "  ".join(f"{t:>7}" for t in steps))
for cell in ("rnn", "lstm", "gru"):
    seed_everything(0)
    model = RecurrentClassifier(cell)
    norms = input_gradient_norms(model, x, y)
    print(
        f"{cell:<5} ||dL/dx_t||     :",
        "  ".join(f"{norms[t].item():7.1e}" for t in steps),
        f"  ratio t=0 / t=39: {(norms[0] / norms[-1]).item():.1e}",
    )
