# syntax=docker/dockerfile:1
# The image of the check-generated job: Debian 12 with xenidl, built from
# its source at XENIDL_REF of the repository XENIDL_GIT (both build
# arguments; XENIDL_GIT has no default: give the repository to use).
FROM --platform=linux/amd64 debian:bookworm
LABEL maintainer.name="The Xen Project"
LABEL maintainer.email="xen-devel@lists.xenproject.org"

ARG XENIDL_GIT
ARG XENIDL_REF=main

ENV DEBIAN_FRONTEND=noninteractive

RUN <<EOF2
#!/bin/bash
    set -eu

    test -n "${XENIDL_GIT}" || { echo "set the build argument XENIDL_GIT" >&2; exit 1; }

    useradd --create-home user

    apt-get update

    DEPS=(
        # xenidl's build
        autoconf
        automake
        bison
        build-essential
        check
        flex
        libtool
        libyaml-dev
        pkg-config
        # fetching it
        ca-certificates
        git-core
    )

    apt-get -y --no-install-recommends install "${DEPS[@]}"

    git clone "${XENIDL_GIT}" /tmp/xenidl
    cd /tmp/xenidl
    git checkout "${XENIDL_REF}"
    ./bootstrap
    ./configure --prefix=/usr/local
    make -j"$(nproc)"
    make install
    cd /
    rm -rf /tmp/xenidl /var/lib/apt/lists*
EOF2

USER user
WORKDIR /build
