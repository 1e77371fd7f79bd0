// The VITask losses against an independent reference, computed at test time by PyTorch
// (Debian's python3-torch) from the same random logits; ours must agree to 1e-5:
//   - L_van: torch.nn.functional.cross_entropy;
//   - L_rda in both directions with a temperature: torch.nn.functional.kl_div;
//   - L_crt: no Debian package implements contrastive response tuning, so its reference
//     is the method's definition, VITASK_METHOD.md "L_crt" (../shared, after the VITask
//     paper): q = softmax(y_pos - y_neg) over the vocabulary,
//     L = -log q[r_t], averaged over the tokens; PyTorch evaluates it with log_softmax and
//     gather, a different path from ours (a cross-entropy of the difference).
// Gradient flow is checked too: RDA's teacher and a detached CRT negative get no gradient.

#include "vitask/vitask/npz_reader.h"
#include "vitask/vitask/vitask_losses.h"
#include "vitask_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vitask::recipe;

namespace {

torch::Tensor floats(const NpzReader& npz, const std::string& key) {
    const auto array = npz.read(key);
    std::vector<int64_t> shape = array.shape();
    return torch::from_blob(const_cast<uint8_t*>(array.data().data()), shape, torch::kFloat32).clone();
}

}  // namespace

class TestVitaskLosses : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchPyTorch() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("reference.npz"));
        const bool ran = test::runNumpy(QStringLiteral(R"(
import torch, torch.nn.functional as F
g = torch.Generator().manual_seed(7)
M, V = 9, 31
plain, ep, neg = (torch.randn(M, V, generator=g) * 3 for _ in range(3))
targets = torch.randint(0, V, (M,), generator=g)
out = {"plain": plain, "ep": ep, "neg": neg, "targets": targets.float(), "ce": F.cross_entropy(plain, targets)}
for tau in (1.0, 2.5):
    ls, lt = F.log_softmax(plain / tau, -1), F.log_softmax(ep / tau, -1)
    # kl_div(input=log q, target=log p, log_target) = KL(p || q), summed over the vocabulary
    out[f"forward_{tau}"] = F.kl_div(ls, lt, reduction="none", log_target=True).sum(-1).mean() * tau * tau
    out[f"paper_{tau}"] = F.kl_div(lt, ls, reduction="none", log_target=True).sum(-1).mean() * tau * tau
q = F.log_softmax(plain - neg, -1)
out["crt"] = -q.gather(1, targets[:, None]).mean()
np.savez(path, **{k: v.numpy().astype(np.float32) for k, v in out.items()})
)"), path);
        QVERIFY2(ran, "the reference needs /usr/bin/python3 with torch: install python3-torch (scripts/install-deps.sh does)");
        const NpzReader npz(path.toStdString());
        const auto plain = floats(npz, "plain"), exemplar = floats(npz, "ep"), negative = floats(npz, "neg");
        const auto targets = floats(npz, "targets").to(torch::kLong);
        auto close = [&](const torch::Tensor& ours, const std::string& key) {
            const double expected = floats(npz, key).item<double>();
            const double got = ours.item<double>();
            if (std::abs(got - expected) > 1e-5 * std::max(1.0, std::abs(expected)))
                QFAIL(qPrintable(QStringLiteral("%1: ours %2, PyTorch %3").arg(QString::fromStdString(key)).arg(got).arg(expected)));
        };
        close(responseCrossEntropy(plain, targets), "ce");
        for (double tau : {1.0, 2.5}) {
            const std::string suffix = tau == 1.0 ? "1.0" : "2.5";
            close(rdaLoss(plain, exemplar, RdaDirection::Forward, tau), "forward_" + suffix);
            close(rdaLoss(plain, exemplar, RdaDirection::Paper, tau), "paper_" + suffix);
        }
        close(crtLoss(plain, negative, targets, false), "crt");
    }

    void gradientsFlowWhereTheMethodSays() {
        const auto plain = torch::randn({5, 11}).requires_grad_(true);
        const auto exemplar = torch::randn({5, 11}).requires_grad_(true);
        const auto targets = torch::randint(0, 11, {5}, torch::kLong);
        rdaLoss(plain, exemplar, RdaDirection::Forward, 1.0).backward();
        QVERIFY(plain.grad().defined() && plain.grad().abs().sum().item<double>() > 0);
        QVERIFY2(!exemplar.grad().defined(), "the EP branch is the teacher: RDA must not train it");

        const auto positive = torch::randn({5, 11}).requires_grad_(true);
        const auto negative = torch::randn({5, 11}).requires_grad_(true);
        crtLoss(positive, negative, targets, true).backward();
        QVERIFY(!negative.grad().defined());
        crtLoss(positive, negative, targets, false).backward();
        QVERIFY(negative.grad().defined() && negative.grad().abs().sum().item<double>() > 0);
    }

    void alignedBranchesHaveNoRdaLoss() {
        const auto logits = torch::randn({4, 7});
        QCOMPARE(rdaLoss(logits, logits.clone(), RdaDirection::Paper, 1.0).item<double>(), 0.0);
        QVERIFY(test::errorOf([&] { rdaLoss(logits, logits, RdaDirection::Paper, 0.0); }).contains("rda.tau"));
    }
};

QTEST_GUILESS_MAIN(TestVitaskLosses)
#include "test_vitask_losses.moc"
