#!/usr/bin/env python3
"""Builds GeoLite2-City and GeoLite2-ASN stand-ins for the benchmark (Scripts/bench.sh).

    Scripts/bench_geoip.py CORPUS_DIR OUT_DIR [--networks N]

Every /24 that holds a source address of the generated corpus gets a city and an AS (one in ten
an Amazon network, so the rules that exclude Amazon see both kinds), and N further /24 networks
(default 400000, the order of GeoLite2-ASN's size) fill the trees as a real database's do. Built
with PyPI's mmdb-writer; no MaxMind data is used. The benchmark caches the result.
"""
import gzip
import hashlib
import ipaddress
import os
import re
import sys

from mmdb_writer import MMDBWriter
from netaddr import IPNetwork, IPSet


def corpus_networks(corpus):
    """The /24 (IPv4) or /48 (IPv6) networks of every sourceIPAddress that is an address."""
    pattern = re.compile(rb'"sourceIPAddress"\s*:\s*"([^"]*)"')
    networks = set()
    for folder, _, files in os.walk(corpus):
        for name in files:
            if not name.endswith(".json.gz"):
                continue
            with gzip.open(os.path.join(folder, name)) as handle:
                for match in pattern.finditer(handle.read()):
                    try:
                        address = ipaddress.ip_address(match.group(1).decode())
                    except ValueError:
                        continue
                    if address.is_private or address.is_loopback:
                        continue
                    prefix = 24 if address.version == 4 else 48
                    networks.add(str(ipaddress.ip_network(f"{address}/{prefix}", strict=False)))
    return sorted(networks)


def pick(network, size):
    return int.from_bytes(hashlib.sha256(network.encode()).digest()[:4], "big") % size


CITIES = [
    ("Ashburn", "North America", "US", "United States", "VA", "Virginia", 39.0469, -77.4903),
    ("Dublin", "Europe", "IE", "Ireland", "L", "Leinster", 53.3382, -6.2591),
    ("Frankfurt am Main", "Europe", "DE", "Germany", "HE", "Hesse", 50.1188, 8.6843),
    ("Singapore", "Asia", "SG", "Singapore", None, None, 1.2868, 103.8503),
    ("São Paulo", "South America", "BR", "Brazil", "SP", "São Paulo", -23.5335, -46.6359),
    ("Tokyo", "Asia", "JP", "Japan", "13", "Tokyo", 35.6893, 139.6899),
    ("Moscow", "Europe", "RU", "Russia", "MOW", "Moscow", 55.7483, 37.6171),
    ("Lagos", "Africa", "NG", "Nigeria", "LA", "Lagos", 6.4474, 3.3903),
    ("Sydney", "Oceania", "AU", "Australia", "NSW", "New South Wales", -33.8715, 151.2006),
    ("Toronto", "North America", "CA", "Canada", "ON", "Ontario", 43.6547, -79.3623),
]


def city_record(index):
    city, continent, code, country, region_code, region, lat, lon = CITIES[index % len(CITIES)]
    record = {
        "city": {"names": {"en": f"{city}" if index < len(CITIES) else f"{city} {index}"}},
        "continent": {"names": {"en": continent}},
        "country": {"iso_code": code, "names": {"en": country}},
        "location": {"latitude": lat, "longitude": lon},
    }
    if region_code:
        record["subdivisions"] = [{"iso_code": region_code, "names": {"en": region}}]
    return record


def as_record(network, index):
    if pick(network + "as", 10) == 0:
        return {"autonomous_system_number": 16509, "autonomous_system_organization": "Amazon.com, Inc."}
    return {"autonomous_system_number": 64512 + index % 1000, "autonomous_system_organization": f"Example Net {index % 1000}"}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpus, out = sys.argv[1], sys.argv[2]
    filler = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--networks" else 400000
    known = corpus_networks(corpus)
    cities = [city_record(i) for i in range(2000)]
    city = MMDBWriter(6, "GeoLite2-City", languages=["en"], description="TrailTriage benchmark city",
                      ipv4_compatible=True)
    asn = MMDBWriter(6, "GeoLite2-ASN", languages=["en"], description="TrailTriage benchmark ASN",
                     ipv4_compatible=True)
    taken = set(known)
    for network in known:
        block = IPSet([network])
        city.insert_network(block, cities[pick(network, len(cities))])
        asn.insert_network(block, as_record(network, pick(network, 100000)))
    # Filler: consecutive public /24s from 1.0.0.0, stepping over the corpus's own.
    added, base = 0, 1 << 24
    while added < filler:
        network = IPNetwork((base, 24))
        base += 256
        text = str(network)
        if text in taken or network.ip.is_reserved() or ipaddress.ip_network(text).is_private:
            continue
        block = IPSet([network])
        city.insert_network(block, cities[added % len(cities)])
        asn.insert_network(block, as_record(text, added))
        added += 1
    os.makedirs(out, exist_ok=True)
    city.to_db_file(os.path.join(out, "GeoLite2-City.mmdb"))
    asn.to_db_file(os.path.join(out, "GeoLite2-ASN.mmdb"))
    print(f"GeoIP stand-ins: {len(known)} corpus networks, {added} filler networks, in {out}")


if __name__ == "__main__":
    main()
