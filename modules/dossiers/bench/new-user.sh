# Sourced by the dossier benches. new_user unit username role [--subtree]: a user whose one-time password is
# replaced at once by "$password" (so that it can log in). Needs egov (the CLI), $http and $password.
new_user() {
  local otp; otp=$(egov add-user --unit "$1" --username "$2" --name "Đo hiệu năng" --role "$3" ${4:-} | sed -n 's/.*dùng lần đầu): //p')
  curl -sf -o /dev/null -u "$2:$otp" -H 'Content-Type: application/json' \
    -d "{\"currentPassword\":\"$otp\",\"newPassword\":\"$password\"}" "$http/api/me/password"
}
