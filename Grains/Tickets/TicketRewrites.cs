using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Conversations;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Merging;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Merging;
using Conversations.Grains.Messages;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Tickets;

/// <summary>
/// MRG-1, merges and splits of one ticket's transcript as sagas run by the ticket: the intent is stored first, after which
/// the rewrite is always completed (by the call, or by the next activation after a crash, see <see cref="TicketFollowUps"/>).
/// The log is append-only: the new transcript goes to the rows after the last one and the ticket's first sequence moves past the old ones.
/// </summary>
public sealed class TicketRewrites(
    ConversationCore<TicketState> core, IGrainFactory grains, IAttachmentStore attachments, MergeSettings merges, ILogger logger)
{
    /// <summary>Merge and split ids remembered as done (MRG-1): a retry within the latest ones does nothing twice.</summary>
    public const int RememberedRewrites = 64;

    /// <summary>Links to merged and split tickets kept in the state (the latest ones).</summary>
    public const int MaxLinks = 100;

    public const int MaxMergeSources = 20;

    private TicketState Ticket => core.Current;

    private Guid Id => core.Id;

    private IMessageStore Messages => core.MessageStore;

    /// <summary>
    /// A saga run by the survivor: (1) checks every source, (2) stores the intent, (3) seals each source, (4) copies every
    /// message into rows after its own with deterministic keys, (5) commits the new transcript in one state write.
    /// </summary>
    public async Task<string> MergeAsync(MergeIntoTicket command)
    {
        core.EnsureFound(command.PropertyId);
        var mergeId = TextRules.Id(command.MergeId, "A merge id");
        await RewriteOnceAsync(command.PropertyId, mergeId,
            "This ticket is closed, and closing is irreversible: it takes no more messages, so nothing can be merged into it. Merge into an open ticket instead (a closed ticket can be merged into it and stays closed).",
            async () =>
            {
                var sources = (command.SourceIds ?? []).Distinct().ToList();
                if (sources.Count is 0 or > MaxMergeSources)
                {
                    throw DomainException.Invalid($"Name 1 to {MaxMergeSources} tickets or chats to merge into this ticket.");
                }

                if (sources.Contains(Id))
                {
                    throw DomainException.Invalid("A ticket cannot be merged into itself.");
                }

                foreach (var source in sources)
                {
                    await (await ConversationAsync(source)).CheckMergeAsync(Ticket.PropertyId, Id);
                }

                return new TranscriptRewrite { Id = mergeId, BaseSequence = Ticket.MessageCount, SourceIds = sources };
            });
        return mergeId;
    }

    /// <summary>A split, a saga like a merge: the intent first, then the new ticket, then this ticket's transcript without the chosen messages. Returns the new ticket's id.</summary>
    public async Task<Guid> SplitAsync(SplitTicket command)
    {
        core.EnsureFound(command.PropertyId);
        var splitId = TextRules.Id(command.SplitId, "A split id");
        await RewriteOnceAsync(command.PropertyId, splitId,
            "This ticket is closed, and closing is irreversible: it stays as it was closed, so no message can be split out of it.",
            () =>
            {
                var sequences = (command.Sequences ?? []).Distinct().Order().ToList();
                if (sequences.Count == 0)
                {
                    throw DomainException.Invalid("Choose at least one message to split out.");
                }

                if (sequences.Any(s => s < core.FirstSequence || s > Ticket.MessageCount))
                {
                    throw DomainException.Invalid("Only messages of this ticket can be split out.");
                }

                if (sequences.Count >= core.VisibleMessageCount)
                {
                    throw DomainException.Invalid("At least one message must stay in the ticket.");
                }

                var subject = TextRules.Optional(command.Subject, TicketPolicy.MaxSubjectLength, "A subject") ?? Truncated("Split from: " + Ticket.Subject);
                return Task.FromResult(new TranscriptRewrite
                {
                    Id = splitId, BaseSequence = Ticket.MessageCount, SplitSequences = sequences, SplitTicketId = SplitTicketId(splitId), SplitSubject = subject,
                });
            });
        return SplitTicketId(splitId);
    }

    /// <summary>Completes a merge or split begun and not yet completed; nothing when there is none.</summary>
    public async Task CompletePendingAsync()
    {
        if (Ticket.PendingRewrite is { } rewrite)
        {
            await (rewrite.IsSplit ? CompleteSplitAsync(rewrite) : CompleteMergeAsync(rewrite));
        }
    }

    /// <summary>
    /// Runs a merge or split once per id: a done id changes nothing; otherwise a rewrite still pending is completed
    /// first, then <paramref name="begin"/> checks the command and names the rewrite, whose intent is stored before any
    /// other step and then completed. A closed ticket takes no rewrite (closing is irreversible).
    /// </summary>
    private async Task RewriteOnceAsync(string propertyId, string rewriteId, string closedRefusal, Func<Task<TranscriptRewrite>> begin)
    {
        core.EnsureFound(propertyId);
        if (!Ticket.DoneRewriteIds.Contains(rewriteId))
        {
            await CompletePendingAsync();
        }

        if (Ticket.DoneRewriteIds.Contains(rewriteId))
        {
            return;
        }

        core.EnsureInInbox(propertyId);
        if (Ticket.Status == TicketStatus.Closed)
        {
            throw DomainException.Irreversible(closedRefusal);
        }

        Ticket.PendingRewrite = await begin();
        await core.CommitAsync(core.Now, touch: false);
        await CompletePendingAsync();
    }

    private async Task CompleteMergeAsync(TranscriptRewrite merge)
    {
        var sealedSources = new List<MergeSource>();
        foreach (var sourceId in merge.SourceIds)
        {
            await PauseAsync();
            try
            {
                sealedSources.Add(await (await ConversationAsync(sourceId)).SealForMergeAsync(Ticket.PropertyId, merge.Id, Id));
                logger.LogDebug("Merge {MergeId} into {TicketId}: sealed {SourceId}", merge.Id, Id, sourceId);
            }
            catch (DomainException ex)
            {
                // Changed since the check (trashed, merged elsewhere): the merge goes on without it.
                logger.LogInformation("Merge {MergeId} into {TicketId} leaves out {SourceId}: {Reason}", merge.Id, Id, sourceId, ex.Message);
            }
        }

        List<IReadOnlyList<ConversationMessage>> parts = [await Transcripts.ReadAsync(Messages, Id, core.FirstSequence, merge.BaseSequence)];
        foreach (var source in sealedSources)
        {
            parts.Add(await Transcripts.ReadAsync(Messages, source.Id, source.FirstSequence, source.LastSequence));
            await attachments.CopyAllAsync(source.Id, Id);
        }

        var transcript = Transcripts.Interleave(parts);
        await Transcripts.WriteAsync(Messages, Id, merge.BaseSequence, transcript, () =>
        {
            logger.LogDebug("Merge {MergeId} into {TicketId}: rows written", merge.Id, Id);
            return PauseAsync();
        });

        var merged = sealedSources.Select(s => s.Id).ToList();
        Ticket.Tags = Ticket.Tags.Concat(sealedSources.SelectMany(s => s.Tags)).Distinct(StringComparer.Ordinal).Take(TagRules.MaxTags).ToList();
        Ticket.MergedIds = Latest(Ticket.MergedIds.Concat(merged));
        await CommitRewriteAsync(merge, transcript.Count, merged, splitTicketId: null);
    }

    private async Task CompleteSplitAsync(TranscriptRewrite split)
    {
        var transcript = await Transcripts.ReadAsync(Messages, Id, core.FirstSequence, split.BaseSequence);
        var chosen = split.SplitSequences.ToHashSet();
        var newTicketId = split.SplitTicketId!.Value;
        await attachments.CopyAllAsync(Id, newTicketId);
        await grains.GetGrain<ITicketGrain>(newTicketId).CreateFromSplitAsync(new CreateTicketFromSplit(
            Ticket.PropertyId, Id, split.SplitSubject ?? Ticket.Subject, Ticket.Requester!, Ticket.Priority, Ticket.Tags.ToList(), Ticket.Assignee,
            transcript.Where(m => chosen.Contains(m.Sequence)).ToList(), Ticket.RequesterByEmail));

        var staying = transcript.Where(m => !chosen.Contains(m.Sequence)).ToList();
        await Transcripts.WriteAsync(Messages, Id, split.BaseSequence, staying, PauseAsync);
        Ticket.SplitIds = Latest(Ticket.SplitIds.Append(newTicketId));
        await CommitRewriteAsync(split, staying.Count, [], newTicketId);
    }

    /// <summary>The one state write that makes a merge or split visible: the new transcript, the links, and the id remembered as done.</summary>
    private async Task CommitRewriteAsync(TranscriptRewrite rewrite, int count, List<Guid> merged, Guid? splitTicketId)
    {
        var now = core.Now;
        Ticket.FirstSequence = rewrite.BaseSequence + 1;
        Ticket.MessageCount = rewrite.BaseSequence + count;
        Ticket.DoneRewriteIds.Add(rewrite.Id);
        if (Ticket.DoneRewriteIds.Count > RememberedRewrites)
        {
            Ticket.DoneRewriteIds.RemoveRange(0, Ticket.DoneRewriteIds.Count - RememberedRewrites);
        }

        Ticket.PendingRewrite = null;
        await core.CommitAsync(now, touch: true,
            v => new TranscriptRewritten(Ticket.PropertyId, Id, v, now, Ticket.FirstSequence, Ticket.MessageCount, merged, splitTicketId));
    }

    /// <summary>A conversation of either kind by id; NotFound when neither kind has it.</summary>
    private async Task<IConversationGrain> ConversationAsync(Guid id)
    {
        var ticket = grains.GetGrain<ITicketGrain>(id);
        if (await ticket.IsTakenAsync())
        {
            return ticket;
        }

        var chat = grains.GetGrain<IChatGrain>(id);
        return await chat.IsTakenAsync() ? chat : throw DomainException.NotFound("A conversation to merge");
    }

    private Task PauseAsync() => merges.PauseBetweenSteps > TimeSpan.Zero ? Task.Delay(merges.PauseBetweenSteps) : Task.CompletedTask;

    private Guid SplitTicketId(string splitId) => new(SHA256.HashData(Encoding.UTF8.GetBytes($"{Id:N}|split|{splitId}")).AsSpan(0, 16));

    private static List<Guid> Latest(IEnumerable<Guid> ids)
    {
        var list = ids.Distinct().ToList();
        return list.Count > MaxLinks ? list[^MaxLinks..] : list;
    }

    private static string Truncated(string text) => text.Length > TicketPolicy.MaxSubjectLength ? text[..TicketPolicy.MaxSubjectLength] : text;
}
