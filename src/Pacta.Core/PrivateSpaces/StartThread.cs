using Pacta.Core.Data;

namespace Pacta.Core.PrivateSpaces;

/// <summary>Starts a discussion thread in a party's space with its first comment.</summary>
/// <remarks>Title and comment are sealed before they reach the context; the log line names the thread by id only.</remarks>
public sealed class StartThread(PactaDbContext db)
{
    public async Task<Guid> ExecuteAsync(SpaceSealer sealer, Guid memberId, string title, string body, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        SpaceText.Check(title, SpaceLimits.TitleMaxLength, nameof(title));
        SpaceText.Check(body, SpaceLimits.CommentMaxLength, nameof(body));
        var thread = NewThread(sealer, memberId, SpaceThreadKind.Discussion, title, now);
        db.SpaceThreads.Add(thread);
        db.SpaceComments.Add(NewComment(sealer, thread.Id, memberId, body, now));
        SpaceAccess.Write(db, sealer.PartyKey, memberId, $"thread {thread.Id} started", now);
        await db.SaveChangesAsync(cancellationToken);
        return thread.Id;
    }

    internal static SpaceThread NewThread(SpaceSealer sealer, Guid memberId, SpaceThreadKind kind, string title, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        return new SpaceThread
        {
            Id = id,
            PartyKey = sealer.PartyKey,
            Kind = kind,
            SealedTitle = sealer.Seal(id, SpaceFields.ThreadTitle, title),
            AuthorId = memberId,
            CreatedAt = now,
            LastActivityAt = now,
        };
    }

    internal static SpaceComment NewComment(SpaceSealer sealer, Guid threadId, Guid memberId, string body, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        return new SpaceComment { Id = id, ThreadId = threadId, AuthorId = memberId, CreatedAt = now, SealedBody = sealer.Seal(id, SpaceFields.CommentBody, body) };
    }
}

/// <summary>Adds a comment to a thread of the sealer's party.</summary>
/// <remarks>A thread of another party is "not found" (false): the route's party is the one the member was authorized for.</remarks>
public sealed class AddComment(PactaDbContext db)
{
    public async Task<bool> ExecuteAsync(SpaceSealer sealer, Guid threadId, Guid memberId, string body, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        SpaceText.Check(body, SpaceLimits.CommentMaxLength, nameof(body));
        var thread = await db.SpaceThreads.FindAsync([threadId], cancellationToken);
        if (thread is null || thread.PartyKey != sealer.PartyKey) return false;
        thread.LastActivityAt = now;
        var comment = StartThread.NewComment(sealer, threadId, memberId, body, now);
        db.SpaceComments.Add(comment);
        SpaceAccess.Write(db, sealer.PartyKey, memberId, $"comment {comment.Id} added to thread {threadId}", now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>Stores a document in a party's space, its name and content sealed.</summary>
public sealed class UploadDocument(PactaDbContext db)
{
    public async Task<Guid> ExecuteAsync(SpaceSealer sealer, Guid memberId, string name, byte[] content, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        ArgumentNullException.ThrowIfNull(content);
        SpaceText.Check(name, SpaceLimits.DocumentNameMaxLength, nameof(name));
        if (content.Length > SpaceLimits.DocumentMaxBytes) throw new ArgumentException("The document is too large.", nameof(content));
        var id = Guid.CreateVersion7();
        db.SpaceDocuments.Add(new SpaceDocument
        {
            Id = id,
            PartyKey = sealer.PartyKey,
            UploadedBy = memberId,
            UploadedAt = now,
            Size = content.Length,
            SealedName = sealer.Seal(id, SpaceFields.DocumentName, name),
            SealedContent = sealer.Seal(id, SpaceFields.DocumentContent, content),
        });
        SpaceAccess.Write(db, sealer.PartyKey, memberId, $"document {id} uploaded", now);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }
}

internal static class SpaceText
{
    /// <summary>The forms check first and name the field; this is the last guard for other callers.</summary>
    public static void Check(string value, int maxLength, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} is empty.", name);
        if (value.Length > maxLength) throw new ArgumentException($"{name} is longer than {maxLength} characters.", name);
    }
}
