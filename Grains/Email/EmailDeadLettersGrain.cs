using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;

namespace Conversations.Grains.Email;

public sealed class EmailDeadLettersGrain(
    [PersistentState("emailDeadLetters", ConversationsNames.GrainStorage)] IPersistentState<EmailDeadLettersState> state) : Grain, IEmailDeadLettersGrain
{
    public const int Kept = 200;

    public async Task AddAsync(OutboxEmail email)
    {
        var emails = state.State.Emails;
        if (emails.Exists(e => e.DedupeKey == email.DedupeKey))
        {
            return;
        }

        emails.Add(email.WithoutBodies());
        if (emails.Count > Kept)
        {
            emails.RemoveRange(0, emails.Count - Kept);
        }

        await this.PersistAsync(state.WriteStateAsync);
    }

    public async Task ForgetTicketAsync(Guid ticketId)
    {
        if (state.State.Emails.RemoveAll(e => e.TicketId == ticketId) > 0)
        {
            await this.PersistAsync(state.WriteStateAsync);
        }
    }

    public Task<IReadOnlyList<OutboxEmail>> ListAsync() =>
        Task.FromResult<IReadOnlyList<OutboxEmail>>(state.State.Emails.AsEnumerable().Reverse().ToList());
}
