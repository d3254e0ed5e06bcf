using LegalAidReferral.Core.Chat.Alerts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Functions.Chat;

/// <summary>Every minute, syncs the alerts of cases whose chat change stopped before its alerts were synced.</summary>
public sealed partial class RecoverChatAlertsFunction(RecoverChatAlerts recover, ILogger<RecoverChatAlertsFunction> logger)
{
    public const string Schedule = "30 * * * * *";

    [Function("RecoverChatAlerts")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var outcome = await recover.RunAsync(cancellationToken);
        if (outcome.Recovered > 0)
        {
            LogRecovered(logger, outcome.Recovered, outcome.Raised);
        }

        foreach (var mark in outcome.Failed)
        {
            LogFailed(logger, mark.OfficeId, mark.MarkId, mark.CaseId, mark.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Synced the alerts of {Recovered} case changes their writer left unfinished; {Raised} alerts raised")]
    private static partial void LogRecovered(ILogger logger, int recovered, int raised);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not sync the alerts of mark {MarkId} (case {CaseId}, office {OfficeId}): {Error}; left for the next run")]
    private static partial void LogFailed(ILogger logger, string officeId, Guid markId, Guid caseId, string error);
}
