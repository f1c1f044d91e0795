"""Official list parsers: one module and one metadata YAML per source format.

=============  ====================  ==================================================
format key     module                what
=============  ====================  ==================================================
us_csl         ``us_csl``            trade.gov Consolidated Screening List CSV
us_ofac_sdn    ``us_ofac_legacy``    OFAC SDN legacy CSV set (sdn/add/alt/comments)
us_ofac_cons   ``us_ofac_legacy``    OFAC consolidated non-SDN legacy CSV set
us_bis_dpl     ``us_bis_dpl``        BIS Denied Persons List, tab-delimited
un_sc          ``un_sc``             UN Security Council Consolidated List XML
uk_ofsi        ``uk_ofsi``           UK OFSI ConList CSV (2018 and 2020 layouts)
eu_fsf         ``eu_fsf``            EU Financial Sanctions Files XML
us_ofac_enh..  ``us_ofac_enhanced``  OFAC Enhanced XML (zip or bare), key us_ofac_enhanced
us_ddtc_itar   ``us_ddtc_itar``      DDTC ITAR debarred parties CSV (Latin-1)
ftm_json       ``ftm_json``          FollowTheMoney / OpenSanctions entity JSON
inhouse_csv    ``inhouse_csv``       a simple in-house list CSV
=============  ====================  ==================================================

Parsers are pure (no database): ``parse(paths) -> ParsedList``. Entry-count bounds are
checked separately by :func:`check_bounds`, which the importer calls (and may override).
"""

from .base import SourceMeta, check_bounds, load_meta, sha256_file
from .detect import FORMATS, LOCAL_FORMATS, PARSERS, detect, parse_paths

__all__ = [
    "FORMATS",
    "LOCAL_FORMATS",
    "PARSERS",
    "SourceMeta",
    "check_bounds",
    "detect",
    "load_meta",
    "parse_paths",
    "sha256_file",
]
