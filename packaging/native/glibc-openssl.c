/* AsperaNative native link: glibc 2.17 shims for an executable with OpenSSL linked statically
 * (-p:AsperaStaticOpenSsl=true). The build machine's libcrypto.a calls functions that glibc added after 2.17
 * with no older version to bind: getentropy (2.25) and stat/fstat/lstat (2.33, before that they were inline
 * wrappers of __xstat). Each is linked with -Wl,--wrap and implemented here with what glibc 2.17 has. */

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define ASPN_XSTAT_VERSION "GLIBC_2.2.5"
#define ASPN_STAT_VER 1 /* _STAT_VER_LINUX */
#elif defined(__aarch64__)
#define ASPN_XSTAT_VERSION "GLIBC_2.17"
#define ASPN_STAT_VER 0 /* _STAT_VER of the generic ABI */
#else
#error "the glibc 2.17 floor is built for x86_64 and aarch64 only"
#endif

extern int __aspn_old_xstat(int ver, const char *path, struct stat *buf);
extern int __aspn_old_fxstat(int ver, int fd, struct stat *buf);
extern int __aspn_old_lxstat(int ver, const char *path, struct stat *buf);
__asm__(".symver __aspn_old_xstat, __xstat@" ASPN_XSTAT_VERSION);
__asm__(".symver __aspn_old_fxstat, __fxstat@" ASPN_XSTAT_VERSION);
__asm__(".symver __aspn_old_lxstat, __lxstat@" ASPN_XSTAT_VERSION);

int __wrap_stat(const char *path, struct stat *buf) { return __aspn_old_xstat(ASPN_STAT_VER, path, buf); }
int __wrap_fstat(int fd, struct stat *buf) { return __aspn_old_fxstat(ASPN_STAT_VER, fd, buf); }
int __wrap_lstat(const char *path, struct stat *buf) { return __aspn_old_lxstat(ASPN_STAT_VER, path, buf); }

/* getentropy: the getrandom system call (Linux 3.17, backported to RHEL 7's kernel), else /dev/urandom */
int __wrap_getentropy(void *buffer, size_t length)
{
    if (length > 256)
    {
        errno = EIO;
        return -1;
    }
    unsigned char *out = buffer;
    size_t done = 0;
    while (done < length)
    {
        long n = syscall(SYS_getrandom, out + done, length - done, 0);
        if (n > 0)
        {
            done += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == ENOSYS)
            break;
        return -1;
    }
    if (done == length)
        return 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    while (done < length)
    {
        ssize_t n = read(fd, out + done, length - done);
        if (n > 0)
            done += (size_t)n;
        else if (n < 0 && errno == EINTR)
            continue;
        else
        {
            close(fd);
            errno = EIO;
            return -1;
        }
    }
    close(fd);
    return 0;
}

/* CA certificates: the OpenSSL linked in looks where the build machine's OpenSSL keeps them (Debian's
 * OPENSSLDIR, /usr/lib/ssl), which RHEL, SUSE or Alpine do not have. Before main, when neither
 * SSL_CERT_FILE nor SSL_CERT_DIR is set and the built-in default is missing, point SSL_CERT_FILE (or
 * SSL_CERT_DIR) at the first bundle (or hashed folder) of the usual places. OpenSSL and .NET read these
 * variables when they load the trust store; child processes (ascp) inherit the same, correct, answer. */
#include <stdlib.h>

extern const char *X509_get_default_cert_file(void);
extern const char *X509_get_default_cert_dir(void);

static const char *const aspn_ca_files[] = {
    "/etc/ssl/certs/ca-certificates.crt",                /* Debian, Ubuntu, Gentoo, Arch, Alpine (ca-certificates) */
    "/etc/pki/tls/certs/ca-bundle.crt",                  /* RHEL, CentOS, Fedora, Amazon Linux */
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", /* RHEL 7+ (extracted trust) */
    "/etc/ssl/ca-bundle.pem",                            /* SUSE */
    "/etc/ssl/cert.pem",                                 /* Alpine, BSD-style */
    "/etc/pki/tls/cacert.pem",
};
static const char *const aspn_ca_dirs[] = { "/etc/ssl/certs", "/etc/pki/tls/certs" };

__attribute__((constructor)) static void aspn_find_ca_certificates(void)
{
    if (getenv("SSL_CERT_FILE") != NULL || getenv("SSL_CERT_DIR") != NULL)
        return;
    if (access(X509_get_default_cert_file(), R_OK) == 0)
        return;
    for (size_t i = 0; i < sizeof aspn_ca_files / sizeof aspn_ca_files[0]; i++)
        if (access(aspn_ca_files[i], R_OK) == 0)
        {
            setenv("SSL_CERT_FILE", aspn_ca_files[i], 0);
            return;
        }
    struct stat st;
    if (stat(X509_get_default_cert_dir(), &st) == 0)
        return;
    for (size_t i = 0; i < sizeof aspn_ca_dirs / sizeof aspn_ca_dirs[0]; i++)
        if (stat(aspn_ca_dirs[i], &st) == 0 && S_ISDIR(st.st_mode))
        {
            setenv("SSL_CERT_DIR", aspn_ca_dirs[i], 0);
            return;
        }
}
