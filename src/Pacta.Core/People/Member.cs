using Microsoft.AspNetCore.Identity;
using Pacta.Core.Forum;

namespace Pacta.Core.People;

/// <summary>
/// A person with an account (glossary: Integrante). Pacta holds as little about them as it can: a name to
/// show to their own party, an email for invitations and notices, their credentials. What they do in
/// public is recorded under their organisation, never under their name.
/// </summary>
public sealed class Member : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    public Member() => Id = Guid.CreateVersion7();

    public required string DisplayName { get; set; }

    /// <summary>What the account is for; a participant belongs to one organisation (and through it to one party).</summary>
    public AccountKind Kind { get; set; }

    /// <summary>The member's organisation; null for reviewers and operators, who belong to no party.</summary>
    public Guid? OrganizationId { get; set; }

    public Organization? Organization { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The 30-second step of the last TOTP code accepted: a code is accepted once only, so a code seen over
    /// someone's shoulder (or replayed from a phishing page) cannot be used again within its step.
    /// </summary>
    public long? LastTotpStep { get; set; }

    /// <summary>The language notices are written in (<c>es</c> or <c>en</c>).</summary>
    public string Language { get; set; } = "es";
}

public enum AccountKind
{
    /// <summary>A member of an organisation in a party: drafts, discusses, reports; may be appointed representative.</summary>
    Participant,

    /// <summary>An independent reviewer (IRM-style): records assessments; belongs to no party.</summary>
    Reviewer,

    /// <summary>Installs and configures Pacta; no power over content, approvals or private spaces.</summary>
    Operator,
}
