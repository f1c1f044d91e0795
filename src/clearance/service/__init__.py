"""The screening service: REST API, keys and roles, audit chain, review queue, web UI."""

from clearance.service.app import create_app

__all__ = ["create_app"]
