#!/usr/bin/env bash
# Cold start time (launch to the first HTTP 200) and resident memory of the Titrate distribution,
# beside a stock Karaf with only the container features Titrate uses. Prints figures; asserts nothing.
#   itests/bench/start-time.sh [runs]        (after `mvn -B -ntp install -DskipTests`)
# Uses ports 8181/8101 of a default install: run it while nothing else listens there.
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Versions come from the root pom; Maven colours even quiet output here, so strip the escapes.
version() { mvn -B -q -f "$root/pom.xml" help:evaluate -Dexpression="$1" -DforceStdout | sed 's/\x1b\[[0-9;]*m//g'; }
karaf_version=$(version karaf.version)
cxf_version=$(version cxf.version)
mvn -B -q dependency:copy -Dartifact="org.apache.karaf:apache-karaf:$karaf_version:tar.gz" -DoutputDirectory="$work" >/dev/null

measure() { # name home url user:password
  local name=$1 home=$2 url=$3 auth=$4
  for run in $(seq 1 "$runs"); do
    rm -rf "$home/data"
    local t0 code pid rss
    t0=$(date +%s%N)
    TITRATE_ADMIN_PASSWORD=bench-password "$home/bin/start" 2>/dev/null
    for _ in $(seq 1 1800); do
      code=$(curl -s -m 2 -u "$auth" -o /dev/null -w '%{http_code}' "$url" || true)
      [ "$code" = 200 ] && break
      sleep 0.1
    done
    local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    sleep 5
    pid=$(cat "$home/karaf.pid")
    rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
    echo "$name run $run: first 200 from $url after $ms ms, resident memory $rss MB"
    "$home/bin/stop" 2>/dev/null
    while [ -d "/proc/$pid" ]; do sleep 0.2; done
  done
}

mkdir "$work/titrate" "$work/stock"
tar xzf "$root"/distribution/target/titrate-distribution-*.tar.gz -C "$work/titrate" --strip-components 1
measure titrate "$work/titrate" http://localhost:8181/api/v1/modules admin:bench-password

tar xzf "$work/apache-karaf-$karaf_version.tar.gz" -C "$work/stock" --strip-components 1
cfg="$work/stock/etc/org.apache.karaf.features.cfg"
sed -i "s#featuresRepositories = \\\\#featuresRepositories = mvn:org.apache.cxf.karaf/apache-cxf/$cxf_version/xml/features, \\\\#" "$cfg"
sed -i "s#    kar/$karaf_version#    kar/$karaf_version, scr, http, transaction, pax-jdbc-config, pax-jdbc-derby, pax-jdbc-pool-dbcp2, jpa, openjpa, cxf-jaxrs, cxf-jaxws#" "$cfg"
# The first start downloads the features into the Maven cache; it is not counted.
runs_saved=$runs; runs=1; measure stock-warmup "$work/stock" http://localhost:8181/cxf/services x:x >/dev/null; runs=$runs_saved
measure stock "$work/stock" http://localhost:8181/cxf/services x:x
