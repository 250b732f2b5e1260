namespace AsperaNative.Emulators.Aoc;

/// <summary>
/// An <c>--ascp-path</c> for gen4 token transfers with the stand-in ascp: the launcher plays the transfer server's part,
/// where <c>/</c> of the transfer is the folder of <c>tags.aspera.node.file_id</c>. It reads the file id from
/// <c>--tags64</c>, finds its folder among the emulator's <see cref="AocEmulator.TransferRoots"/>, then runs the stand-in
/// with the remote side there: the destination (<c>--dest64</c>, last argument) of a send, the working folder of a
/// receive (its sources are relative).
/// </summary>
public static class Gen4AscpLauncher
{
    /// <summary>Writes <c>folder/ascp</c> running <paramref name="standIn"/> (a launcher of the stand-in ascp), with the bypass key beside it.</summary>
    public static string Create(string folder, string transferRoots, string standIn)
    {
        string script = $$"""
            #!/bin/bash
            roots='{{transferRoots}}'
            args=("$@")
            mode=send
            tags=
            for ((i = 0; i < ${#args[@]}; i++)); do
              case "${args[i]}" in
                --mode) [ "${args[i+1]}" = recv ] && mode=recv ;;
                --tags64) tags=$(printf '%s' "${args[i+1]}" | base64 -d) ;;
              esac
            done
            id=$(printf '%s' "$tags" | sed -n 's/.*"file_id":"\([^"]*\)".*/\1/p')
            root="$roots/$id"
            if [ -z "$id" ] || [ ! -d "$root" ]; then echo "stand-in server: no folder for file id '$id'" >&2; exit 1; fi
            last=$((${#args[@]} - 1))
            if [ $mode = send ]; then
              destination=$(printf '%s' "${args[last]}" | base64 -d)
              args[last]=$(printf '%s' "$(readlink -f "$root")/${destination#/}" | base64 -w0)
            else
              cd "$root" || exit 1
            fi
            exec '{{standIn}}' "${args[@]}"

            """;
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "ascp");
        File.WriteAllText(path, script.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string key = Path.Combine(Path.GetDirectoryName(standIn)!, "aspera_bypass_rsa.pem");
        if (File.Exists(key)) File.Copy(key, Path.Combine(folder, "aspera_bypass_rsa.pem"), overwrite: true);
        return path;
    }
}
