using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Core.PrivateSpaces;

/// <summary>A thread as its party's members see it; <see cref="Title"/> is null when its sealed bytes do not open.</summary>
public sealed record ThreadRow(Guid Id, SpaceThreadKind Kind, string? Title, string? Author, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt);

/// <summary>A comment; <see cref="Body"/> (Markdown) is null when its sealed bytes do not open.</summary>
public sealed record CommentRow(Guid Id, string? Author, DateTimeOffset CreatedAt, string? Body);

/// <summary>A document's listing; <see cref="Name"/> is null when its sealed bytes do not open.</summary>
public sealed record DocumentRow(Guid Id, string? Name, long Size, string? UploadedBy, DateTimeOffset UploadedAt);

/// <summary>
/// Reads of a party's space, opened with its sealer. A value that does not open (changed, or moved from
/// another row) shows as unreadable rather than failing the page: the rest of the space is still the party's.
/// </summary>
public static class SpaceQueries
{
    public static async Task<List<ThreadRow>> ThreadsAsync(this PactaDbContext db, SpaceSealer sealer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        var rows = await (from t in db.SpaceThreads.AsNoTracking()
                          where t.PartyKey == sealer.PartyKey
                          join m in db.Users.AsNoTracking() on t.AuthorId equals m.Id into authors
                          from a in authors.DefaultIfEmpty()
                          select new { t.Id, t.Kind, t.SealedTitle, Author = a == null ? null : a.DisplayName, t.CreatedAt, t.LastActivityAt })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderByDescending(r => r.LastActivityAt)
            .Select(r => new ThreadRow(r.Id, r.Kind, TryOpen(sealer, r.Id, SpaceFields.ThreadTitle, r.SealedTitle), r.Author, r.CreatedAt, r.LastActivityAt))];
    }

    public static async Task<(ThreadRow Thread, List<CommentRow> Comments)?> ThreadAsync(
        this PactaDbContext db, SpaceSealer sealer, Guid threadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        var thread = await db.SpaceThreads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == threadId && t.PartyKey == sealer.PartyKey, cancellationToken);
        if (thread is null) return null;
        var author = thread.AuthorId is { } id ? await db.Users.AsNoTracking().Where(m => m.Id == id).Select(m => m.DisplayName).SingleOrDefaultAsync(cancellationToken) : null;
        var comments = await (from c in db.SpaceComments.AsNoTracking()
                              where c.ThreadId == threadId
                              join m in db.Users.AsNoTracking() on c.AuthorId equals m.Id into authors
                              from a in authors.DefaultIfEmpty()
                              select new { c.Id, Author = a == null ? null : a.DisplayName, c.CreatedAt, c.SealedBody })
            .ToListAsync(cancellationToken);
        return (new ThreadRow(thread.Id, thread.Kind, TryOpen(sealer, thread.Id, SpaceFields.ThreadTitle, thread.SealedTitle), author, thread.CreatedAt, thread.LastActivityAt),
            [.. comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Select(c => new CommentRow(c.Id, c.Author, c.CreatedAt, TryOpen(sealer, c.Id, SpaceFields.CommentBody, c.SealedBody)))]);
    }

    public static async Task<List<DocumentRow>> DocumentsAsync(this PactaDbContext db, SpaceSealer sealer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        var rows = await (from d in db.SpaceDocuments.AsNoTracking()
                          where d.PartyKey == sealer.PartyKey
                          join m in db.Users.AsNoTracking() on d.UploadedBy equals m.Id into uploaders
                          from u in uploaders.DefaultIfEmpty()
                          select new { d.Id, d.SealedName, d.Size, By = u == null ? null : u.DisplayName, d.UploadedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.UploadedAt)
            .Select(r => new DocumentRow(r.Id, TryOpen(sealer, r.Id, SpaceFields.DocumentName, r.SealedName), r.Size, r.By, r.UploadedAt))];
    }

    private static string? TryOpen(SpaceSealer sealer, Guid id, string field, byte[] sealedBytes)
    {
        try
        {
            return sealer.OpenText(id, field, sealedBytes);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
