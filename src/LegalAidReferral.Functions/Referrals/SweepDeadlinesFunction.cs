using LegalAidReferral.Core.Referrals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>Every minute, raises each missed referral deadline once on both offices' copies and clears the alerts of steps done.</summary>
public sealed partial class SweepDeadlinesFunction(SweepDeadlines sweep, ILogger<SweepDeadlinesFunction> logger)
{
    public const string Schedule = "0 * * * * *";

    [Function("SweepDeadlines")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var outcome = await sweep.RunAsync(cancellationToken);
        if (outcome.Raised > 0)
        {
            LogRaised(logger, outcome.Raised, outcome.Swept);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised {Raised} missed-deadline alerts after sweeping {Swept} referral copies")]
    private static partial void LogRaised(ILogger logger, int raised, int swept);
}
