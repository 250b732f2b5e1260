using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Files;
using AsperaNative.Core.Yaml;
using AsperaNative.Core.Values;

namespace AsperaNative.Config.Vault;

/// <summary>
/// The vault of type <c>file</c>: all entries in one file, encrypted with AES-256-GCM under a key derived
/// from the vault password (PBKDF2-HMAC-SHA256, random salt, renewed with the password). The file is a
/// small YAML document (version, type, cipher, kdf, data) written atomically, readable by the user only.
/// </summary>
public sealed class EncryptedFileVault : ISecretVault
{
    public const string FileType = "encrypted_hash_vault";
    public const string Cipher = "aes-256-gcm";
    private const string FormatVersion = "2.0.0";
    private const int DefaultIterations = 200_000;
    private const int SaltBytes = 16;
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes(FileType + "/" + Cipher);

    private readonly JsonObject _secrets;
    private readonly int _iterations;
    private byte[] _salt;
    private byte[] _key;

    private EncryptedFileVault(string path, JsonObject secrets, byte[] salt, byte[] key, int iterations)
    {
        FilePath = path;
        _secrets = secrets;
        _salt = salt;
        _key = key;
        _iterations = iterations;
    }

    /// <summary>The vault file (it exists once an entry was added).</summary>
    public string FilePath { get; }

    /// <summary>Opens the vault file, or an empty vault when there is no file yet.</summary>
    /// <exception cref="CliException">A wrong password, or a file that is no vault of this tool.</exception>
    public static EncryptedFileVault Open(string path, string password, int iterations = DefaultIterations)
    {
        if (!File.Exists(path))
        {
            byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
            return new EncryptedFileVault(path, [], salt, DeriveKey(password, salt, iterations), iterations);
        }
        var header = ReadHeader(path);
        string kdfDigest = Text(header["kdf"]?["digest"]);
        if (Text(header["cipher"]) != Cipher || Text(header["kdf"]?["algo"]) != "PBKDF2" || kdfDigest != "SHA256")
            throw CliException.Tool($"vault file {path}: unsupported cipher {Text(header["cipher"])} (only {Cipher} vaults of this tool are supported)");
        int storedIterations = header["kdf"]?["iterations"] is JsonValue it && int.TryParse(it.ToJsonString().Trim('"'), out int n) && n > 0 ? n : throw Invalid(path);
        byte[] storedSalt = Base64(header["kdf"]?["salt"], path);
        byte[] key = DeriveKey(password, storedSalt, storedIterations);
        var secrets = Decrypt(key, Base64(header["data"], path), path);
        return new EncryptedFileVault(path, secrets, storedSalt, key, storedIterations);
    }

    public IReadOnlyList<JsonObject> List()
        => [.. _secrets.Select(static p => VaultEntries.ForList(p.Key, p.Value as JsonObject ?? []))];

    public JsonObject? Get(string label)
        => _secrets[label] is JsonObject values ? VaultEntries.ForShow(label, values) : null;

    public void Set(string label, JsonObject values)
    {
        var checkedValues = VaultEntries.Validate(values);
        if (_secrets.ContainsKey(label)) throw VaultEntries.AlreadyExists(label);
        _secrets[label] = checkedValues;
        Save();
    }

    public void Delete(string label)
    {
        _secrets.Remove(label);
        Save();
    }

    public void ChangePassword(string newPassword)
    {
        _salt = RandomNumberGenerator.GetBytes(SaltBytes);
        _key = DeriveKey(newPassword, _salt, _iterations);
        Save();
    }

    private void Save()
    {
        byte[] plain = Encoding.UTF8.GetBytes(_secrets.ToJsonString());
        byte[] sealedData = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedData.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagBytes))
            aes.Encrypt(nonce, plain, sealedData.AsSpan(NonceBytes + TagBytes), sealedData.AsSpan(NonceBytes, TagBytes), AssociatedData);
        var document = new JsonObject
        {
            ["version"] = FormatVersion,
            ["type"] = FileType,
            ["cipher"] = Cipher,
            ["kdf"] = new JsonObject { ["algo"] = "PBKDF2", ["digest"] = "SHA256", ["iterations"] = _iterations, ["salt"] = Convert.ToBase64String(_salt) },
            ["data"] = Convert.ToBase64String(sealedData),
        };
        AtomicFile.WriteAllText(FilePath, YamlEmitter.Emit(document), AtomicFile.OwnerOnly);
    }

    private static JsonObject Decrypt(byte[] key, byte[] sealedData, string path)
    {
        if (sealedData.Length < NonceBytes + TagBytes) throw Invalid(path);
        byte[] plain = new byte[sealedData.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedData.AsSpan(0, NonceBytes), sealedData.AsSpan(NonceBytes + TagBytes), sealedData.AsSpan(NonceBytes, TagBytes), plain, AssociatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw CliException.Other("OpenSSL::Cipher::CipherError", $"bad decrypt: wrong vault password, or damaged vault file: {path}");
        }
        try
        {
            return JsonNode.Parse(plain) as JsonObject ?? throw Invalid(path);
        }
        catch (JsonException)
        {
            throw Invalid(path);
        }
    }

    private static JsonObject ReadHeader(string path)
    {
        string text = File.ReadAllText(path);
        JsonNode? parsed = null;
        if (text.StartsWith("---", StringComparison.Ordinal))
        {
            try { parsed = YamlReader.Parse(text); }
            catch (CliException) { parsed = null; }
        }
        if (parsed is not JsonObject header || Text(header["type"]) != FileType) throw Invalid(path);
        return header;
    }

    private static byte[] DeriveKey(string password, byte[] salt, int iterations)
        => Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, KeyBytes);

    private static byte[] Base64(JsonNode? node, string path)
    {
        try { return Convert.FromBase64String(Text(node)); }
        catch (FormatException) { throw Invalid(path); }
    }

    private static string Text(JsonNode? node) => node is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : "";

    private static CliException Invalid(string path) => CliException.Assertion($"Invalid vault file: {path}");
}
