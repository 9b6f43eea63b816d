using DanceAspire.Api;
using DanceAspire.Api.Accounts;
using DanceAspire.Api.Analyses;
using DanceAspire.Api.Choreographies;
using DanceAspire.Api.Diagnostics;
using DanceAspire.Api.Health;
using DanceAspire.Api.Jobs;
using DanceAspire.Api.Moves;
using DanceAspire.Api.Songs;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebSockets();
app.UseAuthentication();
app.UseAuthorization();

// Every endpoint needs a token (the fallback policy) unless it says otherwise here or in its group.
app.MapOpenApi().AllowAnonymous();
app.MapDefaultEndpoints();
app.MapHealthApi().AllowAnonymous();

app.MapAuthApi();
app.MapUsersApi();
app.MapJobsApi();
app.MapAnalysesApi();
app.MapSongsApi();
app.MapMovesApi();
app.MapChoreographyApi();
app.MapAdminApi();
app.MapDiagnosticsApi().RequireAuthorization(Policies.Admin);

app.Run();
