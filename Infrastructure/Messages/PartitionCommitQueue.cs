using Azure;
using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Infrastructure.Messages;

/// <summary>
/// Group commit for one partition of the message log: at most one transaction in flight; rows that arrive meanwhile
/// wait and go together in the next one (up to 100 rows, 4 MB). Under light load a row goes alone at once; as storage
/// slows, transactions grow, so the storage work per row falls as load rises.
/// </summary>
internal sealed class PartitionCommitQueue(TableClient table, int maxWaiting, MessageLogMeter meter)
{
    private const int MaxRows = 100;
    private const int MaxBytes = 3 * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly List<PendingRow> _waiting = [];
    private bool _draining;

    public Task<bool> EnqueueAsync(PendingRow row)
    {
        bool start;
        lock (_gate)
        {
            // A bound on the storage work a silo owes: past it a row is refused before anything is stored,
            // which the caller sees as "try again later" (503 / hub Unavailable) instead of a timeout.
            if (_waiting.Count >= maxWaiting)
            {
                meter.Refused();
                throw new UnavailableException("Too many messages are waiting to be stored; try again in a moment.");
            }

            _waiting.Add(row);
            start = !_draining;
            _draining = true;
        }

        if (start)
        {
            // Off the caller's scheduler: a grain awaits the outcome, it does not run the drain.
            _ = Task.Run(DrainAsync);
        }

        return row.Outcome.Task;
    }

    private async Task DrainAsync()
    {
        while (TakeBatch() is { } batch)
        {
            await CommitAsync(batch);
        }
    }

    private List<PendingRow>? TakeBatch()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _draining = false;
                return null;
            }

            // One transaction may not touch a row twice: a second row of the same key waits for the next one.
            var batch = new List<PendingRow>(Math.Min(_waiting.Count, MaxRows));
            var left = new List<PendingRow>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var bytes = 0;
            foreach (var row in _waiting)
            {
                if (batch.Count == MaxRows || (batch.Count > 0 && bytes + row.Size > MaxBytes) || !keys.Add(row.Entity.RowKey))
                {
                    left.Add(row);
                    continue;
                }

                batch.Add(row);
                bytes += row.Size;
            }

            _waiting.Clear();
            _waiting.AddRange(left);
            return batch;
        }
    }

    private async Task CommitAsync(List<PendingRow> batch)
    {
        while (batch.Count > 0)
        {
            try
            {
                await SubmitAsync(batch);
                meter.Committed(batch.Count);
                batch.ForEach(row => row.Outcome.TrySetResult(true));
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is { } taken && taken < batch.Count)
            {
                // The transaction stored nothing: answer the row whose key was taken, and commit the others again.
                batch[taken].Outcome.TrySetResult(false);
                batch.RemoveAt(taken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && batch.Count == 1)
            {
                batch[0].Outcome.TrySetResult(false);
                return;
            }
            catch (Exception ex)
            {
                batch.ForEach(row => row.Outcome.TrySetException(ex));
                return;
            }
        }
    }

    private Task SubmitAsync(List<PendingRow> batch)
    {
        if (batch.Count == 1)
        {
            var row = batch[0];
            return row.Replace
                ? table.UpsertEntityAsync(row.Entity, TableUpdateMode.Replace)
                : table.AddEntityAsync(row.Entity);
        }

        return table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(
            row.Replace ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add, row.Entity)));
    }
}
