using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>
/// Who is making this request, as the database says now (not as the cookie said at sign-in): an appointment
/// ended a minute ago no longer authorizes anything. Loaded once per request by <see cref="SessionValidation"/>.
/// </summary>
internal sealed record SignedInMember(
    Guid MemberId,
    Guid SessionId,
    string DisplayName,
    AccountKind Kind,
    Guid? OrganizationId,
    string? PartyKey,
    IReadOnlyList<ActiveAppointment> Appointments)
{
    /// <summary>A participant of an organisation of this party (operators and reviewers are members of no party).</summary>
    public bool IsMemberOf(string partyKey) => Kind == AccountKind.Participant && string.Equals(PartyKey, partyKey, StringComparison.Ordinal);

    /// <summary>Appointed to act for this party, or for one of its organisations.</summary>
    public bool IsRepresentativeOf(string partyKey) => IsMemberOf(partyKey) && Appointments.Any(a => a.PartyKey == partyKey);

    public bool RepresentsWholeParty(string partyKey) => IsMemberOf(partyKey) && Appointments.Any(a => a.PartyKey == partyKey && a.OrganizationId is null);
}

internal sealed record ActiveAppointment(Guid Id, string PartyKey, Guid? OrganizationId);

/// <summary>The claims Pacta puts in the sign-in cookie beside Identity's own.</summary>
internal static class PactaClaims
{
    /// <summary>The <see cref="MemberSession"/> the cookie belongs to.</summary>
    public const string Session = "pacta:session";
}

internal static class SignedInMemberExtensions
{
    private static readonly object Key = new();

    public static SignedInMember? SignedInMember(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) ? value as SignedInMember : null;

    public static void SetSignedInMember(this HttpContext context, SignedInMember member) => context.Items[Key] = member;
}
