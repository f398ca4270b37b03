using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;
using Xunit;

namespace SefData.Testing;

/// <summary>
/// A private, throwaway PostgreSQL server for one test run (STACK.md, "PostgreSQL in tests"): initdb into a temp
/// folder, start postgres on a free port as a child process, hand out fresh databases, stop it with SIGINT.
/// Register it with <c>[assembly: AssemblyFixture(typeof(PostgresServer))]</c>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string InstallHint = "PostgreSQL server binaries (initdb, postgres) were not found on PATH or in /usr/lib/postgresql/*/bin. "
        + "Install them with: apt-get install -y postgresql";

    private Process? _server;
    private string? _root;
    private int _databases;

    public int Port { get; private set; }

    /// <summary>Connection string of the maintenance database.</summary>
    public string AdminConnectionString => Connection("postgres");

    public string Connection(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ToString();

    public async ValueTask InitializeAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(InstallHint);
        var asRoot = Environment.UserName == "root";
        _root = Directory.CreateTempSubdirectory("sefdata-pg-").FullName;
        var data = Path.Combine(_root, "data");
        if (asRoot) Run("chown", "postgres:postgres", _root); // initdb refuses to run as root
        Run(asRoot ? "runuser" : Path.Combine(bin, "initdb"),
            [.. asRoot ? new[] { "-u", "postgres", "--", Path.Combine(bin, "initdb") } : [],
             "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);

        Port = FreePort();
        string[] serverArgs = [Path.Combine(bin, "postgres"), "-D", data, "-p", Port.ToString(), "-k", _root,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"];
        var psi = new ProcessStartInfo(asRoot ? "setpriv" : serverArgs[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in asRoot ? ["--reuid=postgres", "--regid=postgres", "--init-groups", .. serverArgs] : serverArgs[1..])
            psi.ArgumentList.Add(a);
        _server = Process.Start(psi) ?? throw new InvalidOperationException("Could not start postgres.");
        var log = new System.Text.StringBuilder();
        _server.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        _server.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_server.HasExited)
                throw new InvalidOperationException($"postgres exited with code {_server.ExitCode}:\n{log}");
            try
            {
                await using var c = new NpgsqlConnection(AdminConnectionString);
                await c.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix.ToLowerInvariant()}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}";
        name = name[..Math.Min(63, name.Length)]; // PostgreSQL's identifier limit
        await using var c = new NpgsqlConnection(AdminConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
        await cmd.ExecuteNonQueryAsync();
        return Connection(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is { HasExited: false })
        {
            // SIGINT = PostgreSQL's "fast shutdown".
            _ = kill(_server.Id, 2);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await _server.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { _server.Kill(entireProcessTree: true); }
        }
        _server?.Dispose();
        if (_root is not null)
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    private static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "postgres")));
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}):\n{stdout.Result}\n{stderr}");
    }
}
