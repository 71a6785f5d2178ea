using Pacta.Web.Agreements;
using Pacta.Web.Api;
using Pacta.Web.Localization;
using Pacta.Web.People;
using Pacta.Web.PrivateSpaces;
using Pacta.Web.Progress;
using Pacta.Web.Record;
using Pacta.Web.Security;
using Pacta.Web.Startup;

// The content root is where Pacta's files are (appsettings.json, static assets), not the working
// directory: that one only anchors a relative data directory, the same way for the web app and the CLI.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();

// The database: SQLite file in the data directory by default, PostgreSQL by configuration.
// The CLI reads the same settings, so `pacta import` and the portal always share one database.
builder.AddPactaDatabase();

// The record's signing key: a file outside the database (a database copy alone must not sign checkpoints).
builder.AddPactaRecordKeys();

// Public pages: static server-side rendering in Spanish and English; none needs JavaScript.
builder.AddPactaPortal();

// Bounds on request and form sizes: an oversized request is a clear 413, never a 500.
builder.AddPactaRequestLimits();

// People: invitation-only accounts, passkeys first, sessions, per-party authorization (docs/security.md).
builder.AddPactaPeople();
builder.AddPactaAccounts();

// Private party spaces: sealed at rest with per-party keys wrapped by the Data Protection key ring.
builder.AddPactaPrivateSpaces();

// Co-creation and agreement: votes signed with representatives' passkeys (docs/adr/0004-agreements.md).
builder.AddPactaAgreements();

// Implementation: progress reports with evidence kept content-addressed outside the database.
builder.AddPactaProgress();

// Open data: JSON under /api/v1 with OpenAPI; every error is an RFC 9457 problem.
builder.AddPactaApi();

// The verifiable record: a background signer of checkpoints, and the record served as C2SP tlog-tiles.
builder.AddPactaRecord();

var app = builder.Build();

// Migrate (embedded default) and load the forum on first start, before the first request is served.
await app.PrepareDatabaseAsync();

// Then the signing key: created on first start of the embedded default, so a new install signs from day one.
app.PrepareRecordKeys();

// Headers first, so that every response, errors included, carries them.
app.UseSecurityHeaders();
app.UsePactaErrors();
app.UseCultureFromPath();
app.UseCrossSiteRefusal();
app.UseRequestLimits();
app.UsePactaPeople();
// After authentication: a signed-in reader's page is never served from, or stored in, the output cache.
app.UseOutputCache();
app.UseAntiforgery();
app.UseAntiforgeryRefusal();

app.MapStaticAssets().AllowAnonymous();
app.MapPactaApi();
// After the API (it shares its CORS policy), before the portal's catch-all pages.
app.MapPactaRecord();
app.MapPactaPrivateSpaces();
app.MapPactaAccounts();
app.MapPactaAgreements();
app.MapPactaProgress();
app.MapPactaPortal();

app.Run();

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
