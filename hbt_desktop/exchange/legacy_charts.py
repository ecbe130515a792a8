"""The legacy Vietnamese encodings' charts, as data: Unicode letter, TAB, legacy spelling.

TCVN3 is TCVN 5712:1993's 8-bit set VN3, the one the ABC fonts (``.VnTime``, ``.VnArial``
…) draw: each letter one byte, written here as the Windows-1252/Latin-1 character a file
or a workbook stores for it (0xE6 «æ» is «ổ»). VN3 has codes for the small letters and
for Ă Â Ê Ô Ơ Ư Đ only; the other capitals are typed with the small letters' codes in the
capitals fonts (``.VnTimeH``). VNI Windows (the VNI fonts, ``VNI-Times``) writes a letter
as its base letter followed by one mark character (0xF9 «ù» acute, 0xF8 «ø» grave, 0xFB
«û» hook, 0xF5 «õ» tilde, 0xEF «ï» dot below; «â á à å ã ä» circumflex with a tone, «ê é
è ú ü ë» breve with a tone), except ơ «ô», ư «ö», đ «ñ», the i letters and ỵ, which are
one character each; capitals use the capital forms.

``legacy_text.py`` builds its tables from these lines; tests/exchange checks that every
letter goes to the legacy spelling and back.
"""

from __future__ import annotations

TCVN3_CHART = """
Ă	¡
Â	¢
Ê	£
Ô	¤
Ơ	¥
Ư	¦
Đ	§
ă	¨
â	©
ê	ª
ô	«
ơ	¬
ư	­
đ	®
à	µ
ả	¶
ã	·
á	¸
ạ	¹
ằ	»
ẳ	¼
ẵ	½
ắ	¾
ặ	Æ
ầ	Ç
ẩ	È
ẫ	É
ấ	Ê
ậ	Ë
è	Ì
ẻ	Î
ẽ	Ï
é	Ð
ẹ	Ñ
ề	Ò
ể	Ó
ễ	Ô
ế	Õ
ệ	Ö
ì	×
ỉ	Ø
ĩ	Ü
í	Ý
ị	Þ
ò	ß
ỏ	á
õ	â
ó	ã
ọ	ä
ồ	å
ổ	æ
ỗ	ç
ố	è
ộ	é
ờ	ê
ở	ë
ỡ	ì
ớ	í
ợ	î
ù	ï
ủ	ñ
ũ	ò
ú	ó
ụ	ô
ừ	õ
ử	ö
ữ	÷
ứ	ø
ự	ù
ỳ	ú
ỷ	û
ỹ	ü
ý	ý
ỵ	þ
"""

VNI_CHART = """
á	aù
à	aø
ả	aû
ã	aõ
ạ	aï
é	eù
è	eø
ẻ	eû
ẽ	eõ
ẹ	eï
ó	où
ò	oø
ỏ	oû
õ	oõ
ọ	oï
ú	uù
ù	uø
ủ	uû
ũ	uõ
ụ	uï
ý	yù
ỳ	yø
ỷ	yû
ỹ	yõ
â	aâ
ấ	aá
ầ	aà
ẩ	aå
ẫ	aã
ậ	aä
ê	eâ
ế	eá
ề	eà
ể	eå
ễ	eã
ệ	eä
ô	oâ
ố	oá
ồ	oà
ổ	oå
ỗ	oã
ộ	oä
ă	aê
ắ	aé
ằ	aè
ẳ	aú
ẵ	aü
ặ	aë
í	í
ì	ì
ỉ	æ
ĩ	ó
ị	ò
ỵ	î
đ	ñ
ơ	ô
ư	ö
ớ	ôù
ờ	ôø
ở	ôû
ỡ	ôõ
ợ	ôï
ứ	öù
ừ	öø
ử	öû
ữ	öõ
ự	öï
Á	AÙ
À	AØ
Ả	AÛ
Ã	AÕ
Ạ	AÏ
É	EÙ
È	EØ
Ẻ	EÛ
Ẽ	EÕ
Ẹ	EÏ
Ó	OÙ
Ò	OØ
Ỏ	OÛ
Õ	OÕ
Ọ	OÏ
Ú	UÙ
Ù	UØ
Ủ	UÛ
Ũ	UÕ
Ụ	UÏ
Ý	YÙ
Ỳ	YØ
Ỷ	YÛ
Ỹ	YÕ
Â	AÂ
Ấ	AÁ
Ầ	AÀ
Ẩ	AÅ
Ẫ	AÃ
Ậ	AÄ
Ê	EÂ
Ế	EÁ
Ề	EÀ
Ể	EÅ
Ễ	EÃ
Ệ	EÄ
Ô	OÂ
Ố	OÁ
Ồ	OÀ
Ổ	OÅ
Ỗ	OÃ
Ộ	OÄ
Ă	AÊ
Ắ	AÉ
Ằ	AÈ
Ẳ	AÚ
Ẵ	AÜ
Ặ	AË
Í	Í
Ì	Ì
Ỉ	Æ
Ĩ	Ó
Ị	Ò
Ỵ	Î
Đ	Ñ
Ơ	Ô
Ư	Ö
Ớ	ÔÙ
Ờ	ÔØ
Ở	ÔÛ
Ỡ	ÔÕ
Ợ	ÔÏ
Ứ	ÖÙ
Ừ	ÖØ
Ử	ÖÛ
Ữ	ÖÕ
Ự	ÖÏ
"""
