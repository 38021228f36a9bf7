using System.Net;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>The README's first command on a fresh clone: the database's folder does not exist yet.</summary>
[TestFixture]
public sealed class FreshCloneStartTests
{
    [Test]
    public async Task Server_WhenTheSqliteDatabaseFolderIsMissing_CreatesItAndServes()
    {
        var root = Path.Combine(Path.GetTempPath(), $"slotflow_fresh_{Guid.NewGuid():N}");
        var databasePath = Path.Combine(root, "data", "nested", "slotflow.db");
        Assert.That(Directory.Exists(root), Is.False);
        try
        {
            using var server = await ApiProcess.StartServerAsync(new Dictionary<string, string>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Slotflow"] = $"Data Source={databasePath}",
            });
            using var client = new HttpClient { BaseAddress = server.BaseAddress };

            var ready = await client.GetAsync("/health/ready");

            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(File.Exists(databasePath), Is.True);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
