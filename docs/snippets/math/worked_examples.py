# %% [markdown]
# Hand-worked numbers: one LSTM step (kb.models.rnn.lstm_step against nn.LSTMCell), two Adam
# steps with bias correction (kb.optim.Adam against torch.optim.Adam), and softmax on three
# logits with its Jacobian (kb.activations against torch.autograd.functional.jacobian).

# %%
import torch

from kb.activations import softmax, softmax_jacobian
from kb.models.rnn import lstm_step
from kb.optim import Adam

torch.set_default_dtype(torch.float64)

# One LSTM step, input size 1 and hidden size 1: every weight is one number.
cell = torch.nn.LSTMCell(1, 1)
with torch.no_grad():  # PyTorch stacks the gates as i, f, g, o
    cell.weight_ih.copy_(torch.tensor([[0.5], [0.3], [1.2], [-0.2]]))
    cell.weight_hh.copy_(torch.tensor([[0.4], [0.2], [-0.6], [0.8]]))
    cell.bias_ih.copy_(torch.tensor([0.0, 1.0, 0.0, 0.2]))
    cell.bias_hh.zero_()
x, h0, c0 = torch.tensor([[1.0]]), torch.tensor([[0.5]]), torch.tensor([[1.0]])
step = lstm_step(cell, x, h0, c0)
w, u, b = cell.weight_ih[:, 0], cell.weight_hh[:, 0], cell.bias_ih
print(f"x_t = {x.item()}, h_(t-1) = {h0.item()}, c_(t-1) = {c0.item()}")
print(f"{'gate':<4} {'W':>5} {'U':>5} {'b':>5}  {'z = W x + U h + b':>18}  {'value':>8}")
for k, (gate, act) in enumerate([("i", "sigmoid"), ("f", "sigmoid"), ("g", "tanh"), ("o", "sigmoid")]):
    z = step["pre"][0, k].item()
    print(f"{gate:<4} {w[k]:>5.1f} {u[k]:>5.1f} {b[k]:>5.1f}  {z:>18.4f}  {step[gate].item():>8.4f}  = {act}(z)")
print(f"c_t = f*c_(t-1) + i*g = {step['c'].item():.4f}")
print(f"h_t = o*tanh(c_t)     = {step['h'].item():.4f}")

# %%
# Two Adam steps on J(θ) = θ², from θ = 1 (gradient 2θ), lr 0.1, β1 = 0.9, β2 = 0.999.
theta = torch.nn.Parameter(torch.tensor([1.0]))
adam = Adam([theta], lr=0.1, betas=(0.9, 0.999), eps=1e-8)
rows = []
print(f"{'t':>2} {'g':>8} {'m':>8} {'v':>10} {'m_hat':>8} {'v_hat':>10} {'step':>8} {'θ':>8}")
for t in (1, 2):
    adam.zero_grad()
    (theta**2).sum().backward()
    g, before = theta.grad.item(), theta.item()
    adam.step()
    state = adam.state[theta]
    m, v = state["m"].item(), state["v"].item()
    m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
    rows.append((g, m, v, m_hat, v_hat, theta.item() - before, theta.item()))
    print(
        f"{t:>2} {g:>8.4f} {m:>8.4f} {v:>10.6f} {m_hat:>8.4f} {v_hat:>10.6f} {rows[-1][5]:>8.4f} {theta.item():>8.4f}"
    )
no_correction = 0.1 * rows[0][1] / (rows[0][2] ** 0.5 + 1e-8)
print(f"first step without bias correction: {no_correction:.4f} (lr · m/√v instead of lr · m_hat/√v_hat)")

# %%
# Softmax on three logits and its Jacobian J = diag(s) - s sᵀ.
z = torch.tensor([2.0, 1.0, -1.0])
s = softmax(z)
J = softmax_jacobian(z)
print("z          =", z.tolist())
print("softmax(z) =", [round(v, 4) for v in s.tolist()], " sum =", round(s.sum().item(), 6))
print("J[i][j] = ∂s_i/∂z_j:")
for i, row in enumerate(J.tolist()):
    print(f"  i = {i + 1}:", "  ".join(f"{v:>8.4f}" for v in row))
print("row sums:", [round(v, 10) + 0.0 for v in J.sum(1).tolist()])

# %% tags=["hide-input"]
h_ref, c_ref = cell(x, (h0, c0))
assert torch.allclose(step["h"], h_ref) and torch.allclose(step["c"], c_ref)
assert step["f"] > max(step["i"], step["o"]) and step["h"] < step["c"]  # what the page reads from the table
theta_ref = torch.nn.Parameter(torch.tensor([1.0]))
ref = torch.optim.Adam([theta_ref], lr=0.1, betas=(0.9, 0.999), eps=1e-8)
for g, *_, after in rows:
    ref.zero_grad()
    (theta_ref**2).sum().backward()
    assert abs(theta_ref.grad.item() - g) < 1e-12
    ref.step()
    assert abs(theta_ref.item() - after) < 1e-12
assert abs(abs(rows[0][5]) - 0.1) < 1e-6  # the first step is lr whatever the gradient (bias correction)
assert abs(no_correction - 0.1 * 0.1 / 0.001**0.5) < 1e-6
J_ref = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, 0), z)
assert torch.allclose(J, J_ref) and torch.allclose(J.sum(1), torch.zeros(3)) and torch.allclose(J, J.T)
assert torch.allclose(J[0, 1], -s[0] * s[1]) and torch.allclose(J[0, 0], s[0] * (1 - s[0]))
