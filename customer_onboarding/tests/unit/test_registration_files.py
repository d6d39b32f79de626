import base64
import unittest

from customer_onboarding.core.problems import ProblemError
from customer_onboarding.core.registration_files import encoded_length, read_licence

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20


def upload(filename: str, content: bytes, mime: str = "application/pdf") -> str:
	return f"{filename},data:{mime};base64,{base64.b64encode(content).decode()}"


def problem_code(value: str, max_bytes: int = 1024) -> str:
	with unittest.TestCase().assertRaises(ProblemError) as caught:
		read_licence(value, max_bytes)
	return caught.exception.problem.code


class TestReadLicence(unittest.TestCase):
	def test_pdf_png_and_jpeg_are_read(self):
		for name, content in (("营业执照.pdf", PDF), ("licence.PNG", PNG), ("scan.jpeg", JPEG)):
			licence = read_licence(upload(name, content), 1024)
			self.assertEqual((licence.filename, licence.content), (name[:-4] + name[-4:].lower(), content))

	def test_a_comma_in_the_name_is_kept(self):
		self.assertEqual(read_licence(upload("a,b.pdf", PDF), 1024).filename, "a,b.pdf")

	def test_folders_in_the_name_are_dropped(self):
		self.assertEqual(read_licence(upload("..\\..\\etc/x.pdf", PDF), 1024).filename, "x.pdf")

	def test_a_long_name_keeps_its_extension(self):
		name = read_licence(upload("x" * 300 + ".pdf", PDF), 1024).filename
		self.assertEqual((len(name), name[-4:]), (100, ".pdf"))

	def test_a_file_over_the_limit_is_refused(self):
		self.assertEqual(problem_code(upload("big.pdf", PDF + b"0" * 2000)), "licence_too_large")
		self.assertEqual(problem_code(upload("edge.pdf", PDF), max_bytes=len(PDF) - 1), "licence_too_large")

	def test_an_oversized_text_is_refused_before_decoding(self):
		self.assertEqual(
			problem_code("big.pdf,data:application/pdf;base64," + "!" * 5000), "licence_too_large"
		)

	def test_other_types_are_refused(self):
		self.assertEqual(problem_code(upload("setup.exe", b"MZ\x90\x00")), "licence_type")
		self.assertEqual(problem_code(upload("notes.pdf", b"just some text")), "licence_type")
		self.assertEqual(problem_code(upload("photo.pdf", PNG)), "licence_type")
		self.assertEqual(problem_code(upload("noextension", PDF)), "licence_type")

	def test_what_is_not_a_data_url_is_unreadable(self):
		for value in (
			"licence.pdf",
			"/files/licence.pdf",
			"x.pdf,data:application/pdf,abc",
			"x.pdf,data:;base64,",
		):
			self.assertEqual(problem_code(value), "licence_unreadable", value)
		self.assertEqual(problem_code("x.pdf,data:application/pdf;base64,a$b="), "licence_unreadable")

	def test_encoded_length_includes_padding(self):
		self.assertEqual([encoded_length(n) for n in (0, 1, 3, 4, 5 * 1024 * 1024)], [0, 4, 4, 8, 6990508])
