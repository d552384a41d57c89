# Stops the embedded PostgreSQL once the platform that started it is gone, however it went
# (SIGKILL, the out-of-memory killer): its end of this script's standard input then closes.
# $1: the data directory. The platform writes the server's process id on a line once it runs.
trap '' INT HUP PIPE  # Ctrl-C and hang-up are for the platform, which stops in order; a closed log is no reason to stop
platform=$PPID
read -r server || server=  # nothing before the end: the platform died while the server was starting
cat > /dev/null            # returns when the platform's end of the pipe closes
if [ -z "$server" ]; then
  server=$(head -n 1 "$1/postmaster.pid" 2>/dev/null)
fi
[ -n "$server" ] && [ "$server" != 0 ] || exit 0
is_postgres() {  # a running PostgreSQL; an exited one waiting to be reaped (state Z) is not
  name=$(cat "/proc/$1/comm" 2>/dev/null || ps -o comm= -p "$1" 2>/dev/null)
  state=$(sed -n 's/^.*) \(.\).*$/\1/p' "/proc/$1/stat" 2>/dev/null || ps -o stat= -p "$1" 2>/dev/null)
  case "$name" in postgres | */postgres) [ "${state#Z}" = "$state" ] ;; *) false ;; esac
}
is_postgres "$server" || exit 0  # stopped in order by the platform, nothing left to do
echo "The platform (process $platform) is gone: stopping its embedded PostgreSQL (process $server) on $1" >&2
kill -INT "$server" 2>/dev/null  # fast shutdown
i=0
while is_postgres "$server" && [ $i -lt 150 ]; do sleep 0.1; i=$((i + 1)); done
is_postgres "$server" && kill -QUIT "$server" 2>/dev/null  # immediate shutdown
exit 0
